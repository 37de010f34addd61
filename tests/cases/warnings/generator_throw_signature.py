def g():
    while True:
        try:
            yield 1
        except ValueError as e:
            print("got", repr(e))


it = g()
next(it)
it.throw(ValueError, ValueError("v"), None)
it.throw(ValueError, "msg")
it.throw(ValueError("single"))
for i in range(2):
    it.throw(ValueError, "loop")

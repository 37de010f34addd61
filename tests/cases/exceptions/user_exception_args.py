class MyError(Exception): pass
e = MyError("a", 2)
print(e.args, str(e), repr(e))
print(str(MyError()), repr(MyError()), str(MyError("x")), repr(MyError("x")))
class WithInit(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
w = WithInit(5)
print(w, w.code, w.args, repr(w))

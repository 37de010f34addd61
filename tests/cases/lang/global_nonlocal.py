counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def outer():
    a = 1
    def middle():
        nonlocal a
        a += 10
        def inner():
            nonlocal a
            a *= 2
        inner()
    middle()
    return a
print(outer())
def unbound():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as e:
        print(e)
unbound()
def free_unbound():
    def inner():
        return late
    try:
        inner()
    except NameError as e:
        print(e)
    late = 1
free_unbound()
x = "g"
class Scope:
    x = "class"
    def method(self):
        return x
print(Scope().method(), Scope.x)

@x := make_decorator()
def f(): pass
@(y := x)
class C: pass

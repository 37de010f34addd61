def f():
    class C:
        [(y := x) for x in range(3)]

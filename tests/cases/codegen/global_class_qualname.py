def f():
    global C
    class C:
        pass

def f():
    x = 1
    exec("x = 2")
    print(x)
    exec("y = 3")
    print("y" in locals())
    ns = locals()
    exec("z = 4")
    print("z" in ns, "z" in locals())
    exec("print(x)")
    print(eval("x + 1"))
    try:
        exec("print(y)")
    except NameError as e:
        print("NameError", e)

f()

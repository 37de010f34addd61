def run(op):
    a, b = 1, None
    if op == "floordiv":
        return a // b
    if op == "matmul":
        return a @ b
    if op == "shift":
        return a << b
    if op == "and":
        return a & b


for op in ["floordiv", "matmul", "shift"]:
    try:
        run(op)
    except TypeError as e:
        print(op, e)
run("and")

def compute(n):
    partial = n * 2
    scratch = [partial]
    return partial / (n - n)

try:
    compute(4)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    fr = tb.tb_frame
    print(type(fr.f_locals).__name__, dict(fr.f_locals))
    fr.f_locals["partial"] = "edited"
    print(fr.f_locals["partial"], fr.f_lineno, fr.f_code.co_name)

import sys

def f():
    fr = sys._getframe()
    lines = [fr.f_lineno]
    lines.append(fr.f_lineno)
    if True:
        lines.append(fr.f_lineno)
    for i in range(2):
        lines.append(fr.f_lineno)
    lines.append(
        fr.f_lineno
    )
    return lines

print(f())
print(sys._getframe().f_lineno)

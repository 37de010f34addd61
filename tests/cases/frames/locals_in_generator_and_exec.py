import sys

def gen(a):
    b = 2
    yield sorted(locals())
    c = 3
    yield sorted(locals())

print(list(gen(1)))

g = {"sys": sys}
l = {"given": 1}
l["l_ref"] = l
exec("x = 1\nsame = locals() is sys._getframe().f_locals\nmapping_is_l = sys._getframe().f_locals is l_ref", g, l)
print(l["same"], sorted(k for k in l if k not in ("l_ref",)))

import sys

def run():
    g = {"sys": sys}
    l = {}
    exec("fr = sys._getframe()\nname = fr.f_code.co_name", g, l)
    fr = l["fr"]
    print(l["name"], fr.f_globals is g, fr.f_locals is l)
    print(fr.f_back.f_code.co_name)
    print(fr.f_code.co_filename)
    print(repr(fr))
    e = eval("sys._getframe()", g)
    print(e.f_code.co_name, e.f_locals is g, e.f_back.f_code.co_name)

run()

import sys

def f():
    g = (sys._getframe() for _ in range(1))
    fr = next(g)
    print(fr.f_code.co_name, fr.f_code.co_qualname)
    print(fr.f_back.f_code.co_name if fr.f_back else None)
    print(sorted(fr.f_locals))
    print(g.gi_frame is fr)
    consumer = list(sys._getframe(1).f_code.co_name for _ in range(1))
    print(consumer)

f()

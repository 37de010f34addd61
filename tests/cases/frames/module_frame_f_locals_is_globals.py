import sys

fr = sys._getframe()
print(fr.f_locals is globals(), fr.f_locals is fr.f_globals)
print(type(fr.f_locals).__name__)
fr.f_locals["made_here"] = 42
print(made_here)
print(locals() is globals())
print(fr.f_code.co_name, fr.f_code.co_qualname)
del fr.f_locals["made_here"]
print("made_here" in globals())

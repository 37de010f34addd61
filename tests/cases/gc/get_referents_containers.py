import gc
print(gc.get_referents([1, "two", 3.0]))
print(sorted(gc.get_referents({"k": "v"})))
print(gc.get_referents((7, 8)))
print(gc.get_referents(1, "x"))
print(gc.get_referents())
a = [1]; b = [a, 2]
print(gc.get_referents(a, b) == [1, a, 2])

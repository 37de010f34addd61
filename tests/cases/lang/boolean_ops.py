calls = []
def t(v):
    calls.append(v)
    return v
print(t(0) or t("") or t("x") or t("never"), calls)
calls.clear()
print(t(1) and t([]) and t("never"), calls)
print(not 0, not "a", not [], not None)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2, 1 < 3 > 2)
calls.clear()
print(t(1) < t(0) < t(5), calls)
print([] or {} or 0 or None, 0 and 1/0)
print(None is None, [] is not [], "a" in "abc", 3 not in [1, 2])
x = 5
print("big" if x > 3 else "small", "neg" if x < 0 else "zero" if x == 0 else "pos")
print(True + True, True * 3, -True, ~True, True & False, True | False, True ^ True)
print(bool(0.0), bool(-0.0), bool(0j) if False else None, bool(" "), bool(()))

assert True, "never"
try:
    assert 1 == 2, f"mismatch {1} != {2}"
except AssertionError as e:
    print("AssertionError", e, e.args)
try:
    assert []
except AssertionError as e:
    print("bare", repr(e), e.args)
def check(v):
    assert isinstance(v, int), v
    return v
print(check(3))
try:
    check("s")
except AssertionError as e:
    print(repr(e))
print(__debug__)

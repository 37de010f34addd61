def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(True + True, True * 3, True & False, True | False, True ^ True, -True, +True, abs(False))
print(type(True & True).__name__, type(True | 1).__name__, type(True + 0).__name__)
print(repr(True), str(False), int(True), bool(0), bool(5), bool(), bool([]), bool(-0.0))
print(True == 1, False == 0, True is True, hash(True) == 1, True.bit_length())
t(lambda: bool(1, 2))

import json
class S(str):
    def __repr__(self): return "S!"
    def __str__(self): return "S!!"
class I(int):
    def __repr__(self): return "I!"
    def __str__(self): return "I!!"
class F(float):
    def __repr__(self): return "F!"
    def __str__(self): return "F!!"
class D(dict):
    def items(self): return [("x", 1), ("y", 2)]
class L(list):
    def __iter__(self): return iter([9, 9])
class T(tuple):
    pass
class PlainD(dict):
    pass
print(json.dumps([S("s"), I(3), F(2.5), D(a=1), L([1, 2]), T((1, 2)), {S("k"): 1, I(5): 2, F(1.5): 3}]))
print(json.dumps(S("s")), json.dumps(I(3)), json.dumps(F(3.0)))
print(json.dumps(PlainD(b=1, a=2), sort_keys=True))
print(json.dumps(D(a=1), sort_keys=True))
print(json.dumps(D(), sort_keys=True))
print(json.dumps(L()))
print(json.dumps([F("inf"), F("nan")]))
try:
    json.dumps(F("nan"), allow_nan=False)
except ValueError as e:
    print(e)
class D2(dict):
    def items(self): return [("x", 1, 3)]
class D3(dict):
    def items(self): return 5
for d in (D2(a=1), D3(a=1), D3()):
    try:
        print(json.dumps(d))
    except Exception as e:
        print(type(e).__name__, e)
class LL(list): pass
class DD(dict): pass
def inner():
    class IL(list): pass
    return IL
IL = inner()
for obj in (LL([object()]), DD(a=object()), IL([object()]), T((object(),))):
    try:
        json.dumps(obj)
    except TypeError as e:
        print(e, e.__notes__)
print(json.dumps({True: 1, False: 2, None: 3}))

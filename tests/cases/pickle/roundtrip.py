import pickle, io

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

class Reduced:
    def __init__(self, value):
        self.value = value
    def __reduce__(self):
        return (Reduced, (self.value,))
    def __eq__(self, other):
        return type(other) is Reduced and self.value == other.value
    def __repr__(self):
        return f"Reduced({self.value!r})"

class Stateful:
    def __init__(self):
        self.a = 1
        self.secret = 'hidden'
    def __getstate__(self):
        return {'a': self.a}
    def __setstate__(self, state):
        self.__dict__.update(state)
        self.secret = 'restored'

class Slotted:
    __slots__ = ('p', 'q')
    def __init__(self):
        self.p = 1
        self.q = [2]

values = [0, 1, -1, 255, 256, 65535, 2**31, -2**31, 2**63, -2**63 - 1, 2**200, -(3**100),
          0.0, -1.5, 1e300, float('inf'), 'text', '', 'ünïcödé \u20ac \U0001f600', b'', b'bytes\x00\xff',
          bytearray(b'ba'), [], [1, [2, [3]]], (), (1,), (1, 2, 3), {'a': 1, 2: [3]}, {1, 2, 3},
          frozenset({4}), None, True, False, ..., complex(1, 2), Point(1, 'two'), Reduced([5]),
          range(1, 10, 2), slice(1, 2), type, int, Point, len]
for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    for value in values:
        data = pickle.dumps(value, protocol)
        back = pickle.loads(data)
        ok = back == value or (value != value and back != back)
        if not ok:
            print('MISMATCH', protocol, repr(value), repr(back))
    s = pickle.loads(pickle.dumps(Stateful(), protocol))
    print(protocol, s.a, s.secret)
    if protocol >= 2:
        sl = pickle.loads(pickle.dumps(Slotted(), protocol))
        print(protocol, sl.p, sl.q)
    rec = [1]
    rec.append(rec)
    back = pickle.loads(pickle.dumps(rec, protocol))
    print(protocol, back[1] is back, back[0])
    d = {}
    d['self'] = d
    back = pickle.loads(pickle.dumps(d, protocol))
    print(protocol, back['self'] is back)
    shared = [1, 2]
    pair = pickle.loads(pickle.dumps([shared, shared], protocol))
    print(protocol, pair[0] is pair[1])
print(pickle.dumps([1, 'a', 2.5], 0))
print(pickle.dumps([1, 'a', 2.5], 2))
print(pickle.dumps({'k': (1, 2**70)}, 4))
print(pickle.dumps(Point(1, 2), 3))
buf = io.BytesIO()
pickle.dump({'x': 1}, buf, protocol=5)
buf.seek(0)
print(pickle.load(buf))
try:
    pickle.dumps(lambda: 1)
except Exception as e:
    print(type(e).__name__, str(e).split(' at ')[0])

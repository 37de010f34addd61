import marshal
vals = [None, True, False, 0, 1, -1, 2**100, 1.5, 1j, ''.join(['a', 'b']), ''.join(['é', '\u1234']), b'xy', (1, 2), [1, [2]], {'a': 1}, {1, 2}, frozenset([3]), ..., StopIteration, slice(1, 2, None)]
for v in vals:
    d = marshal.dumps(v)
    print(repr(v), d.hex(), marshal.loads(d) == v)
def f(x): return x + 1
c = marshal.loads(marshal.dumps(f.__code__))
print(c == f.__code__, c.co_name)
for bad in (object(), lambda: 0):
    try: marshal.dumps(bad)
    except ValueError as e: print(e)
for data in (b'', b'\xff', b'i\x01'):
    try: print(marshal.loads(data))
    except Exception as e: print(type(e).__name__, e)
print(marshal.version, marshal.dumps(1.5, 1).hex() if False else '')

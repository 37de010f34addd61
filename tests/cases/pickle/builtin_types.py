import pickle
import collections

values = [0, 2**200, 1.5, 'x', b'x', bytearray(b'ba'), [], (), {}, {1}, frozenset({4}), None,
          True, ..., NotImplemented, complex(1, 2), range(1, 10, 2), range(-5), slice(1, 2),
          slice(None, None, -1), type, int, len, max, type(None), type(...), NotImplementedError,
          Exception('a', 1), ValueError('x'), KeyError(1), StopIteration(3),
          collections.OrderedDict(a=1), collections.deque([1, 2], maxlen=5),
          collections.defaultdict(list, a=[1]), collections.Counter('abca')]
for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    for value in values:
        back = pickle.loads(pickle.dumps(value, protocol))
        print(protocol, type(back).__name__, repr(back) == repr(value))
print(pickle.loads(pickle.dumps([].append, 2)).__name__)
print(pickle.loads(pickle.dumps({}.get, 2)).__self__)
e = ValueError('bad', 2)
e.note = 'extra'
back = pickle.loads(pickle.dumps(e, 4))
print(type(back).__name__, back.args, back.note)
for protocol in (0, 2, 4, 5):
    print(protocol, pickle.dumps((1, -2, 300, 2**40, 'ab', b'cd', None, True, 1.25), protocol))
print(pickle.dumps(range(3), 2))
print(pickle.dumps(..., 4), pickle.dumps(len, 4))

# __length_hint__/__reduce__/__setstate__ of the sequence iterators (list, tuple, str, the __getitem__ protocol).
import copy


class G:
    def __getitem__(s, i):
        if i > 2: raise IndexError
        return i
for seq in [[1, 2, 3], (1, 2, 3), "abc", "é✓x", G()]:
    it = iter(seq); it.__setstate__(-5)
    print(type(it).__name__, it.__reduce__()[1:] if not isinstance(seq, G) else it.__reduce__()[2:], list(it))
    it = iter(seq); it.__setstate__(99); print(it.__reduce__()[1:] if not isinstance(seq, G) else it.__reduce__()[2:], it.__length_hint__() if hasattr(it, "__len__") or not isinstance(seq, G) else "-", list(it))
    it = iter(seq); list(it); it.__setstate__(1); print(list(it), it.__reduce__())
l = [1, 2, 3]; it = iter(l); next(it); l.clear(); print(it.__length_hint__(), it.__reduce__()); l.extend([5, 6, 7]); print(list(it))
for seq in [[1, 2, 3], (1, 2, 3), "abc", "é✓x"]:
    it = iter(seq); print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), it.__reduce__())
    c = copy.copy(it); print(list(c), it.__length_hint__())
    it.__setstate__(0); print(list(it), it.__length_hint__(), it.__reduce__())
it = iter(G()); print(type(it).__name__, it.__length_hint__(), next(it), it.__reduce__()[2]); it.__setstate__(-3); print(list(it), it.__reduce__())


class GL(G):
    def __len__(s): return 3


it = iter(GL()); next(it); print(it.__length_hint__())
l = [1, 2, 3]; it = iter(l); next(it); l.clear(); print(it.__length_hint__())
import operator
print(operator.length_hint(iter([1, 2])), operator.length_hint(iter(G()), 9))

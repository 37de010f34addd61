# range_iterator/longrange_iterator: __length_hint__, __reduce__, __setstate__.
it = iter(range(2, 20, 3)); next(it); print(it.__reduce__(), it.__length_hint__()); it.__setstate__(2); print(list(it)); it.__setstate__(1); print(list(it))
it = iter(range(2, 20, 3)); it.__setstate__(-4); print(list(it)); it = iter(range(2, 20, 3)); it.__setstate__(100); print(list(it), it.__reduce__())
it = iter(range(2**70, 2**70+5)); next(it); print(it.__reduce__(), it.__length_hint__()); it.__setstate__(3); print(list(it), it.__length_hint__(), it.__reduce__())
it = iter(range(10, 0, -2)); print(it.__reduce__(), list(it), it.__reduce__(), it.__length_hint__())

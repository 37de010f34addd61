def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(list(enumerate('ab', 5)), list(enumerate('ab', start=1)), list(enumerate([])))
print(list(zip([1, 2], [3], strict=False)), list(zip()), list(zip([1], [2], [3])))
t(lambda: list(zip([1, 2], [3], strict=True)))
t(lambda: list(zip([1], [3, 4], strict=True)))
t(lambda: list(zip([1], [3, 4], [5], strict=True)))
t(lambda: list(zip([1], [3], [5, 6], strict=True)))
t(lambda: list(zip([1], foo=True)))
print(list(map(lambda a, b: a + b, [1, 2], [3])), list(map(str, range(3))))
t(lambda: list(map(lambda a, b: a + b, [1, 2], [3], strict=True)))
t(lambda: list(map(lambda a, b: a + b, [1], [3, 4], strict=True)))
t(lambda: list(map(abs)))
t(lambda: map(abs, [1], bad=1))
print(list(filter(None, [0, 1, 2, '', 'a'])), list(filter(lambda x: x > 1, [0, 1, 2, 3])))
print(list(reversed((1, 2))), list(reversed([1, 2, 3])), list(reversed('abc')))
t(lambda: reversed(5))

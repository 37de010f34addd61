def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

pairs = [(1, 'b'), (0, 'c'), (1, 'a'), (0, 'a'), (2, 'z')]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted([3, 1, 2], reverse=True, key=None), sorted('hello'), sorted([]))
a = [5, 3, 1]
print(a.sort(), a)
words = ['bb', 'a', 'ccc', 'dd', 'e']
words.sort(key=len, reverse=True)
print(words)
t(lambda: sorted([1, 'a']))
t(lambda: [3, 1].sort(lambda x: x))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = 'aé😀'
print(len(s), len(''), [ord(c) for c in s])
it = iter('ab')
print(next(it), next(it))
t(lambda: next(it))
print(''.join(sorted('banana')))
print(max('abc'), min('abc'))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

d = {1: 2, 3: 4}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print('RuntimeError:', e)
d = {1: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print('RuntimeError:', e)
print(d)

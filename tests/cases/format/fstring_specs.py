def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

v = 3.14159
n = 1234567
s = 'ab'
print(f'{v:.2f}|{v:10.3f}|{v:<10.1f}|{n:,}|{n:_}|{n:>12}|{s:^6}|{s:*>5}|{n:x}|{n:#o}|{n:08d}')
w = 8
p = 3
print(f'{v:{w}.{p}f}|{s:{"-"}^{w}}|')

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in ['1+2j', ' ( -j ) ', '1e3-1.5e-2J', 'j', '+j', '-1.5j', 'inf+nanj', '1', '-2.5', '1_0+2_0j', 'nanj', '1.j', '(3)', '\t1-1j\n']:
    t(lambda: complex(s))
for s in ['1+2', '', 'abc', '1+2jj', '(1+2j', '1__0j', ' ', '1 + 2j', 'j1', '1e', '+', '1+', '_1j']:
    t(lambda: complex(s))
t(lambda: complex('1', 2))
t(lambda: complex(1, '2'))

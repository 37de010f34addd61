a.b
a.b.c.d
a().b
a[0].b
a.b().c[1].d()
(1).real
'abc'.upper()
f'{x}'.strip()
[1, 2].copy()
1.0.real

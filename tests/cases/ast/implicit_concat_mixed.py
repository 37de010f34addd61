a = 'a' 'b'
b = 'a' "b" '''c''' """d"""
c = b'a' b'b'
d = 'a' f'{x}' 'c'
e = f'{a}' f'{b}'
f = ('multi'
     'line'
     f'{x}')
g = r'\d' 'x'
h = 'a' rf'{b}' "c"
i = u'a' 'b'
j = f'' ''
k = '' f'{x}'

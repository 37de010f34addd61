a = f'{(lambda x: x * 2)(3)}'
b = f'{(y := 10)}'
def g():
    c = f'{(yield)}'
    d = f'{yield}'
e = f'{x:=10}'
f = f'{[i for i in range(3)]}'
g = f'{ {"a": 1}["a"] }'
h = f'{*a, *b}'

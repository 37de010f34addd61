def f(s):
    match s:
        case [first, *mid, last]: return first, mid, last
print(f([1, 2, 3, 4]), f((1, 2)), f([1]))

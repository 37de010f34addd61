def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('ab' + 'cd', 'ab' * 3, 3 * 'ab', 'ab' * 0, 'ab' * -1)
t(lambda: 'a' + 1)
t(lambda: 'a' * 'b')
t(lambda: 'a' * 1.5)
s = 'x'
s += 'y'
s *= 2
print(s)

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('a' < 'b', 'abc' < 'abd', 'Z' < 'a', 'é' > 'z', '' < 'a', 'a' == 'a', 'a' != 'b')
print('\uffff' < '\U00010000', 'ab' <= 'ab', 'b' >= 'a')
t(lambda: 'a' < 1)
print(hash('abc') == hash('ab' + 'c'), hash('') == 0)
print('a' in 'cat', '' in 'x', 'xy' in 'x')
t(lambda: 1 in 'abc')

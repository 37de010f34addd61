def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for n in [0, 1, 255, -255, 2**64, -(2**100) + 1]:
    print(n.bit_length(), n.bit_count())
t(lambda: (5).bit_length(1))
t(lambda: (5).bit_count(x=1))

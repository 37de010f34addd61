def flip(value):
    return ~value


for v in [True, False, True]:
    print(flip(v))
print(~1, ~True)

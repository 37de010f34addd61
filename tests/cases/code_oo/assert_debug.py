assert x, "m"
if __debug__:
    print(1)
else:
    print(2)
while __debug__:
    break

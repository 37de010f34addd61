x = 42
match x:
    case 1: print("one")
    case other: print("other", other)
print(other)

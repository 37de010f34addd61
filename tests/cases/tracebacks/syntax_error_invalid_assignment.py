print("never printed")
f() = 1

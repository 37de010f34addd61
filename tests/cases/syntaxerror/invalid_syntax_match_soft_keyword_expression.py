match = 1
match match x

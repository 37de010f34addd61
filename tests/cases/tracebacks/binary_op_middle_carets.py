a = 1
b = "two"
c = 3
result = a * 2 + b * c + a

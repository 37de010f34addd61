print(format(3.14159, ".2f"), format(42, "x"), format("s", ">5"), format(1234567, ","))
print(format(5))
try:
    format(1, "q")
except ValueError as e:
    print(e)

def area(width, height):
    return widht * height
try:
    area(2, 3)
except NameError as e:
    print("caught:", e)
count = 0
prnt(count)

class Point:
    def __init__(self):
        self.horizontal = 1

p = Point()
value = p.horizontl + 1

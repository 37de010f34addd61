"""Float: many small 3-D point objects placed on a spiral with sin and cos, rotated about
two axes, scaled to unit length, then reduced to a bounding box and a centroid.

Measures float arithmetic, calls into math, allocation and deallocation of many small
objects with instance attributes, and method calls. Size: the number of points."""

import sys
from math import cos, sin, sqrt


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def rotate_z(self, c, s):
        x, y = self.x, self.y
        self.x = x * c - y * s
        self.y = x * s + y * c

    def rotate_x(self, c, s):
        y, z = self.y, self.z
        self.y = y * c - z * s
        self.z = y * s + z * c

    def to_unit(self):
        length = sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= length
        self.y /= length
        self.z /= length


def spiral_point(i):
    angle = i * 0.01
    radius = 1.0 + i * 1e-4
    return Point(radius * cos(angle), radius * sin(angle), (i % 1000) * 0.002 - 1.0)


class Box:
    def __init__(self, point):
        self.low = Point(point.x, point.y, point.z)
        self.high = Point(point.x, point.y, point.z)

    def extend(self, p):
        low, high = self.low, self.high
        if p.x < low.x:
            low.x = p.x
        elif p.x > high.x:
            high.x = p.x
        if p.y < low.y:
            low.y = p.y
        elif p.y > high.y:
            high.y = p.y
        if p.z < low.z:
            low.z = p.z
        elif p.z > high.z:
            high.z = p.z


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    points = [spiral_point(i) for i in range(count)]
    cz, sz = cos(0.3), sin(0.3)
    cx, sx = cos(-0.7), sin(-0.7)
    for p in points:
        p.rotate_z(cz, sz)
        p.rotate_x(cx, sx)
        p.to_unit()
    box = Box(points[0])
    sum_x = sum_y = sum_z = 0.0
    for p in points:
        box.extend(p)
        sum_x += p.x
        sum_y += p.y
        sum_z += p.z
    low, high = box.low, box.high
    print(f"float {count}: box ({low.x:.6f}, {low.y:.6f}, {low.z:.6f})"
          f"-({high.x:.6f}, {high.y:.6f}, {high.z:.6f}),"
          f" centroid ({sum_x / count:.6f}, {sum_y / count:.6f}, {sum_z / count:.6f})")


main()

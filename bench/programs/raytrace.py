"""Ray tracer: a square image of three spheres over a checkered floor, lit by two point
lights, with Lambert and Phong shading, hard shadows and up to three reflection bounces.
The checksum folds every pixel's 8-bit colour.

Measures object allocation (a small immutable vector class), method calls, float
arithmetic and recursion. Size: the image's width and height in pixels."""

import sys
from math import sqrt

EPSILON = 1e-5
MAX_DEPTH = 3


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def scaled(self, factor):
        return Vector(self.x * factor, self.y * factor, self.z * factor)

    def times(self, other):
        return Vector(self.x * other.x, self.y * other.y, self.z * other.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def length(self):
        return sqrt(self.dot(self))

    def normalized(self):
        return self.scaled(1.0 / self.length())

    def reflected(self, normal):
        return self - normal.scaled(2.0 * self.dot(normal))


WHITE = Vector(1.0, 1.0, 1.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, distance):
        return self.origin + self.direction.scaled(distance)


class Material:
    def __init__(self, color, diffuse=0.8, specular=0.3, shininess_squarings=4, reflectivity=0.2):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        # The Phong exponent is 2 ** shininess_squarings, computed by repeated squaring.
        self.shininess_squarings = shininess_squarings
        self.reflectivity = reflectivity

    def color_at(self, point):
        return self.color


class Checkerboard(Material):
    def __init__(self, other_color, **kwargs):
        super().__init__(WHITE, **kwargs)
        self.other_color = other_color

    def color_at(self, point):
        if (int(point.x // 1.0) + int(point.z // 1.0)) % 2:
            return self.other_color
        return self.color


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        to_center = ray.origin - self.center
        b = to_center.dot(ray.direction)
        c = to_center.dot(to_center) - self.radius * self.radius
        discriminant = b * b - c
        if discriminant < 0:
            return None
        root = sqrt(discriminant)
        for distance in (-b - root, -b + root):
            if distance > EPSILON:
                return distance
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        facing = ray.direction.dot(self.normal)
        if abs(facing) < EPSILON:
            return None
        distance = (self.point - ray.origin).dot(self.normal) / facing
        return distance if distance > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self):
        self.objects = [
            Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0),
                  Checkerboard(Vector(0.1, 0.1, 0.1), reflectivity=0.3)),
            Sphere(Vector(0.0, 1.0, 0.0), 1.0, Material(Vector(0.9, 0.2, 0.2))),
            Sphere(Vector(-2.2, 0.7, 1.0), 0.7, Material(Vector(0.2, 0.8, 0.3), reflectivity=0.4)),
            Sphere(Vector(1.8, 0.5, 1.5), 0.5, Material(Vector(0.3, 0.4, 0.9), shininess_squarings=6)),
        ]
        self.lights = [
            Light(Vector(-5.0, 6.0, 5.0), Vector(0.8, 0.8, 0.8)),
            Light(Vector(4.0, 4.0, 6.0), Vector(0.4, 0.35, 0.3)),
        ]
        self.ambient = Vector(0.08, 0.08, 0.1)
        self.background = Vector(0.2, 0.3, 0.5)

    def nearest_hit(self, ray):
        best, best_distance = None, None
        for obj in self.objects:
            distance = obj.intersect(ray)
            if distance is not None and (best_distance is None or distance < best_distance):
                best, best_distance = obj, distance
        return best, best_distance

    def in_shadow(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        ray = Ray(point, to_light.scaled(1.0 / distance))
        for obj in self.objects:
            hit = obj.intersect(ray)
            if hit is not None and hit < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, distance = self.nearest_hit(ray)
        if obj is None:
            return self.background
        point = ray.at(distance)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0:
            normal = normal.scaled(-1.0)
        material = obj.material
        base = material.color_at(point)
        color = base.times(self.ambient)
        for light in self.lights:
            if self.in_shadow(point, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0:
                color = color + base.times(light.color).scaled(lambert * material.diffuse)
            highlight = to_light.reflected(normal).dot(ray.direction)
            if highlight > 0:
                for _ in range(material.shininess_squarings):
                    highlight *= highlight
                color = color + light.color.scaled(highlight * material.specular)
        if depth < MAX_DEPTH and material.reflectivity > 0:
            bounce = Ray(point, ray.direction.reflected(normal))
            color = color + self.trace(bounce, depth + 1).scaled(material.reflectivity)
        return color


def to_byte(channel):
    if channel <= 0.0:
        return 0
    if channel >= 1.0:
        return 255
    return int(channel * 255.0 + 0.5)


def render(size):
    scene = Scene()
    eye = Vector(0.0, 2.0, 7.0)
    forward = (Vector(0.0, 0.8, 0.0) - eye).normalized()
    right = forward.cross(Vector(0.0, 1.0, 0.0)).normalized()
    up = right.cross(forward)
    checksum = 0
    lit = 0
    for row in range(size):
        v = 0.5 - (row + 0.5) / size
        for column in range(size):
            u = (column + 0.5) / size - 0.5
            direction = (forward + right.scaled(u) + up.scaled(v)).normalized()
            color = scene.trace(Ray(eye, direction), 0)
            r, g, b = to_byte(color.x), to_byte(color.y), to_byte(color.z)
            lit += r + g + b
            checksum = (checksum * 31 + (r << 16 | g << 8 | b)) % 1_000_000_007
    return checksum, lit


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    checksum, lit = render(size)
    print(f"raytrace {size}x{size}: checksum {checksum}, brightness {lit}")


main()

import sys
v = sys.version_info
print(v[:3], v.major, v.minor, v.micro, v.releaselevel, v.serial)
print(v >= (3, 14), tuple(v)[:2])
print(sys.version.startswith("3.14.2"))
print(hex(sys.hexversion))

import sys
print(sys.maxsize == 2**63 - 1 or sys.maxsize == 2**31 - 1)
print(sys.byteorder)

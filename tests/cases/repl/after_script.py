import sys
print("script ran")
data = [1, 2, 3]

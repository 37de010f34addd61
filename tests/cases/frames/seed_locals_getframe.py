import sys

def modify_locals():
    x = 10
    frame = sys._getframe()
    print(f"Before: x = {x}")
    frame.f_locals['x'] = 20
    print(f"After f_locals assignment: x = {x}")

modify_locals()

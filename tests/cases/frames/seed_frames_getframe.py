import sys

def simple_function(x, y):
    z = x + y
    frame = sys._getframe()
    print(f"Frame locals: {frame.f_locals}")
    print(f"Code object name: {frame.f_code.co_name}")
    print(f"Calling frame's function: {frame.f_back.f_code.co_name if frame.f_back else 'None'}")
    return z

def caller():
    result = simple_function(5, 3)

caller()

import sys

class Obj:
    def __init__(self):
        print("init called from", sys._getframe(1).f_code.co_name)
    def __del__(self):
        print("del runs in", sys._getframe().f_code.co_name, "called from", sys._getframe(1).f_code.co_name)

def make_and_drop():
    o = Obj()
    del o
    print("after del")

make_and_drop()

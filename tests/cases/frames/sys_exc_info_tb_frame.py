import sys

def fails():
    raise IndexError("i")

def catcher():
    try:
        fails()
    except IndexError:
        tb = sys.exc_info()[2]
        print(tb.tb_frame is sys._getframe())
        print(tb.tb_next.tb_frame.f_code.co_name)
        print(tb is sys.exception().__traceback__)

catcher()

import sys

def level2():
    x = "in level2"
    raise ValueError("deep")

def level1():
    level2()

def main():
    try:
        level1()
    except ValueError as e:
        tb = e.__traceback__
        here = sys._getframe()
        while tb is not None:
            fr = tb.tb_frame
            print(fr.f_code.co_name, tb.tb_lineno, fr.f_lineno, fr is here)
            tb = tb.tb_next
        print(e.__traceback__.tb_frame.f_lineno)

main()

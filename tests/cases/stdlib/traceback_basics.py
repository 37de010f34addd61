import traceback
try:
    1 / 0
except ZeroDivisionError as e:
    print(traceback.format_exception_only(e))

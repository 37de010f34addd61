import atexit

atexit.register(print, "atexit still runs")
print("before the error")
raise RuntimeError("uncaught")

import sys
count = 0
def tracer(frame, event, arg):
    global count
    count += 1
    return tracer
def rec(n):
    return rec(n + 1)
sys.settrace(tracer)
try:
    rec(0)
except RecursionError as e:
    print("RecursionError", e)
sys.settrace(None)
print(count > 1000)
def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1
sys.settrace(tracer)
print(deep(900))
sys.settrace(None)

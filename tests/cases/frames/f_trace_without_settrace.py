import sys

events = []

def tracer(frame, event, arg):
    events.append((event, frame.f_lineno))
    return tracer

def f():
    fr = sys._getframe()
    fr.f_trace = tracer
    x = 1
    y = 2
    return fr

fr = f()
print(events)
print(fr.f_trace is tracer)

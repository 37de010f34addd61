try:
    f()
except E:
    pass
else:
    g()

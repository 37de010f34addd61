import gc
old = gc.get_threshold()
print(len(old), all(isinstance(x, int) for x in old))
gc.set_threshold(500)
print(gc.get_threshold()[0])
gc.set_threshold(700, 11)
print(gc.get_threshold()[:2])
gc.set_threshold(800, 12, 13)
print(gc.get_threshold()[0], gc.get_threshold()[1])
for args in [(), (1, 2, 3, 4)]:
    try:
        gc.set_threshold(*args)
    except TypeError as e:
        print("TypeError:", e)
gc.set_threshold(*old)

import time, errno, atexit
t0 = time.monotonic(); time.sleep(0.01); t1 = time.monotonic()
print(t1 > t0, type(time.time()), type(time.time_ns()), time.perf_counter_ns() > 0)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
print(errno.errorcode[errno.ENOENT], errno.EEXIST != errno.ENOENT)
def bye(): print("bye")
print(atexit.register(bye) is bye, atexit._ncallbacks())
atexit.unregister(bye); print(atexit._ncallbacks())

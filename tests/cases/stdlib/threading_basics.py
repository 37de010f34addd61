import threading
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
lock = threading.Lock(); rlock = threading.RLock()
with lock, rlock:
    print(lock.locked())
ev = threading.Event(); ev.set(); print(ev.is_set(), ev.wait(0))
local = threading.local(); local.x = 1; print(local.x)

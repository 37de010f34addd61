import _thread
lock = _thread.allocate_lock()
print(type(lock).__name__, lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(True, 0.01))
lock.release()
print(repr(lock).startswith("<unlocked _thread.lock object at"), lock.locked())
with lock:
    print("inside", lock.locked())
for action in [lambda: lock.release(), lambda: lock.acquire(False, 1), lambda: lock.acquire(True, -5)]:
    try:
        action()
    except Exception as e:
        print(type(e).__name__, e)
rl = _thread.RLock()
print(rl.acquire(), rl.acquire(), rl._is_owned(), rl._recursion_count())
rl.release(); rl.release()
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError", e)
with rl:
    print("rlocked", rl._is_owned())
print(_thread.get_ident() == _thread.get_ident())
print(_thread.TIMEOUT_MAX > 1e9, _thread.error is RuntimeError, _thread.LockType is type(lock))

from collections import deque
for action in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
               lambda: deque([1]).remove(2), lambda: deque([1]).index(2),
               lambda: deque([1], maxlen=1).insert(0, 2), lambda: deque([], -1),
               lambda: hash(deque()), lambda: deque([1]) + [2]]:
    try:
        action()
    except Exception as e:
        print(type(e).__name__, e)
d = deque([1, 2])
it = iter(d)
next(it)
d.append(3)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)

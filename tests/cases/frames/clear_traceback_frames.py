import sys

class Noisy:
    def __del__(self):
        print("finalized local")

def fail():
    big = Noisy()
    raise ValueError("boom")

try:
    fail()
except ValueError as e:
    err = e

tb = err.__traceback__
frames = []
while tb is not None:
    frames.append(tb.tb_frame)
    tb = tb.tb_next
print([f.f_code.co_name for f in frames])
print(sorted(frames[-1].f_locals))
print("clearing the failed frame")
frames[-1].clear()
print(sorted(frames[-1].f_locals))
print("module frame clear:")
try:
    frames[0].clear()
except RuntimeError as e:
    print(e)

import gc
freed = 0
class C:
    def __del__(self):
        global freed
        freed += 1
for i in range(30000):
    c = C(); c.me = c
del c
print("allocated")
gc.collect()
print(freed == 30000)

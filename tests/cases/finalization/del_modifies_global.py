count = 0
class A:
    def __del__(self):
        global count
        count += 1
for i in range(100):
    A()
print(count)

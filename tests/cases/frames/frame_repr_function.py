import sys

def my_function():
    frame = sys._getframe()
    return repr(frame)

class K:
    def method(self):
        return repr(sys._getframe())

print(my_function())
print(K().method())
print(repr(sys._getframe()))
print((lambda: repr(sys._getframe()))())
print(str(sys._getframe()) == repr(sys._getframe()))

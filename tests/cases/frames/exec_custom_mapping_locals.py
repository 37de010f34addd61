import sys

class Logged(dict):
    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)

def run():
    m = Logged(a=1)
    exec("fr = sys._getframe()\nb = a + 1", {"sys": sys}, m)
    print(type(m["fr"].f_locals).__name__, m["fr"].f_locals is m)
    print(m["b"])

run()

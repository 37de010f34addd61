try:
    ValueError(x=1)
except TypeError as e: print(e)
class E(Exception):
    def __init__(self, msg, *, code=0):
        super().__init__(msg); self.code = code
print(E("m", code=3).code)

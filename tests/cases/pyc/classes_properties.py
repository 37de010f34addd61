class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def freezing(cls):
        return cls(0)
t = Temp(100)
print(t.fahrenheit)
t.fahrenheit = 32
print(t._c, Temp.unit(), t.unit(), Temp.freezing().fahrenheit)

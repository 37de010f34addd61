import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(Color.RED, Color(2), Color["GREEN"], list(Color), Color.RED.name, Color.RED.value)
print(repr(Color.RED), Color.RED is Color(1), len(Color), Color.GREEN in Color)
try:
    Color(5)
except ValueError as e:
    print("ValueError", e)
class N(enum.IntEnum):
    A = 1
    B = 2
print(N.A + 1, N.B, repr(N.A), isinstance(N.A, int), N.B > N.A, f"{N.A}")
class F(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()
print(F.R | F.W, F.R in (F.R | F.W), F(3), list(F), (F.R | F.X).value)
class S(enum.StrEnum):
    ONE = enum.auto()
print(S.ONE, S.ONE.upper(), S.ONE == "one")
@enum.unique
class U(enum.Enum):
    A = 1
print(U.A)

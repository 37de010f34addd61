# _random.Random (the Mersenne Twister) and the random module over it, seeded by ints.
import _random
import random

r = _random.Random(5)
print(r.random(), r.getrandbits(70), r.getrandbits(32), r.getrandbits(1), r.getrandbits(0))
for bad in [-1, 1.5, "x"]:
    try:
        print(r.getrandbits(bad))
    except Exception as e:
        print(type(e).__name__, e)
for args, kwargs in [((1, 2), {}), ((), {"x": 1})]:
    try:
        _random.Random(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)


class Quiet(_random.Random):
    def __init__(self, *args, **kwargs):
        pass


class Plain(_random.Random):
    pass


print(Quiet(x=1).random() >= 0)
try:
    Plain(x=1)
except TypeError as e:
    print("Plain:", e)
print(Plain(7).random() == _random.Random(7).random())

state = r.getstate()
print(len(state), state[-1], state[:3])
following = [r.random() for _ in range(3)]
r.setstate(state)
print(following == [r.random() for _ in range(3)])
for bad in [[1], (1,), tuple([1] * 624 + [625]), tuple([-1] * 625), tuple(["a"] * 625),
            tuple([2**70] * 625), tuple([0] * 624 + [-1])]:
    try:
        r.setstate(bad)
        print("accepted")
    except Exception as e:
        print(type(e).__name__, e)
print(type(r), _random.Random.__module__, _random.Random.__name__)

for seed in [0, 1, 12345, 2**32, 2**32 - 1, 2**100 + 7, -5, -(2**64), True]:
    r.seed(seed)
    print(seed, r.random(), r.getrandbits(40))
r.seed(3)
a = r.random()
r.seed(None)
r.seed()
print(a != r.random() or True)

random.seed(12345)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.sample(range(100), 5))
x = [1, 2, 3, 4, 5, 6]
random.seed(1)
random.shuffle(x)
print(x)
print(random.gauss(0, 1), random.uniform(1, 2), random.randrange(0, 10**30), random.betavariate(2, 3))
print(random.expovariate(1.5), random.triangular(), random.normalvariate(), random.lognormvariate(0, 1))
print(random.vonmisesvariate(1, 1), random.gammavariate(2, 1), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.choices("abc", k=5), random.choices("abc", weights=[1, 5, 10], k=5), random.binomialvariate(10, 0.3))
print(random.randbytes(5), random.Random(3).random(), random.SystemRandom().random() < 1)
st = random.getstate()
a = random.random()
random.setstate(st)
print(a == random.random())
print(random.Random(2**200).getrandbits(200))
for seed in ["hello", b"hello", bytearray(b"hello"), ""]:
    random.seed(seed)
    print(repr(seed), random.random())
random.seed("hello", version=1)
print(random.random())

# Random JSON-ish inputs through loads/scanstring and random documents through dumps:
# every result, message and position must be the oracle's.
import json
class R:
    def __init__(self, seed): self.state = seed
    def randint(self, a, b):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return a + (self.state >> 8) % (b - a + 1)
    def choice(self, seq): return seq[self.randint(0, len(seq) - 1)]
rng = R(12345)
alphabet = ['[', ']', '{', '}', ',', ':', '"', '\\', 'u', 'd', '8', '0', 'c', 'e', 'E', '+', '-', '.',
            '1', '9', ' ', '\n', 'n', 'u', 'l', 't', 'r', 'f', 'a', 's', 'N', 'I', 'é', '😀', '\x01',
            '\\u', '\\ud800', '\\udc00', 'true', 'null', 'false', '"a"', '12', '1.5', 'NaN', 'Infinity', '-Infinity', 'x']
out = []
for i in range(400):
    n = rng.randint(0, 12)
    s = ''.join(rng.choice(alphabet) for _ in range(n))
    try:
        r = ascii(json.loads(s))
    except json.JSONDecodeError as e:
        r = f"E {e.msg} {e.pos}"
    except Exception as e:
        r = f"X {type(e).__name__} {e}"
    out.append(f"{ascii(s)} {r}")
    for strict in (True, False):
        try:
            r = ascii(json.decoder.scanstring(s, 0, strict))
        except json.JSONDecodeError as e:
            r = f"E {e.msg} {e.pos}"
        except Exception as e:
            r = f"X {type(e).__name__} {e}"
        out.append(f"  scan {strict} {r}")
print('\n'.join(out))
# encoder fuzz
vals = [None, True, False, 0, -5, 2**65, 1.5, float('inf'), float('nan'), "", "é\n", "\ud800", "😀", [], {}, (1,)]
for i in range(100):
    def build(d):
        k = rng.randint(0, 3 if d < 3 else 0)
        if k == 0:
            return rng.choice(vals)
        if k == 1:
            return [build(d+1) for _ in range(rng.randint(0, 3))]
        if k == 2:
            return {rng.choice(["a", "b", "é", 1, 2.5, None, True]): build(d+1) for _ in range(rng.randint(0, 3))}
        return tuple(build(d+1) for _ in range(rng.randint(0, 2)))
    v = build(0)
    for kw in ({}, {"ensure_ascii": False}, {"indent": 1, "sort_keys": False}, {"allow_nan": False}):
        try:
            print(ascii(json.dumps(v, **kw)))
        except Exception as e:
            print("X", type(e).__name__, e, getattr(e, "__notes__", None))

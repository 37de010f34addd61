# Indexing and slicing str (ASCII, non-ASCII, surrogates), list and tuple with every step;
# the shared objects CPython returns (whole slices of exact str/tuple, 1-char Latin-1 str).
texts = ["", "a", "hello world", "héllo wörld", "✓✗ab€", "a\udc80b\U0001F600c"]
for s in texts:
    n = len(s)
    out = []
    for start in [None, 0, 1, -1, -3, n, n + 5, -n - 5]:
        for stop in [None, 0, 2, -1, -2, n, n + 3]:
            for step in [None, 1, 2, 3, -1, -2]:
                out.append(ascii(s[start:stop:step]))
    print(len(out), "|".join(out)[:2000])
    print([ascii(s[i]) for i in range(-n, n)])
for seq in [list(range(10)), tuple(range(10))]:
    print([seq[a:b:c] for a in [None, 2, -3] for b in [None, 7, -1] for c in [None, 1, 3, -1, -4]])
s = "hello"
t = (1, 2, 3)
print(s[:] is s, s[0:5] is s, s[::1] is s, t[:] is t, t[0:3:1] is t, s[1:2] is s[1], s[0] is s[0])
print("é✓"[0] is "é✓"[0], "é✓"[0:1] == "é", type(s[:]) is str)
class S(str):
    pass
class T(tuple):
    pass
ss, tt = S("abc"), T((1, 2))
print(type(ss[:]), ss[:] is ss, type(tt[:]), tt[:] is tt, type(ss[0]))
for bad in [1.5, "x", None]:
    try:
        "abc"[bad]
    except TypeError as e:
        print(e)
try:
    "abc"[::0]
except ValueError as e:
    print(e)
big = "ab€" * 20000
print(sum(1 for i in range(0, len(big), 3) if big[i:i + 3] == "ab€"), big.find("€", 30000), big.rfind("a", 0, 100), big.count("b", 100, 1000))
print(big.index("€", 59990), big.startswith("b", 1), big.endswith("€", 0, 3))

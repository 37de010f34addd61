def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for s in ['abc', '_', '1a', 'a1', 'é', 'a b', '', 'class', 'ℕ', '·', 'a·', '𝔘𝔫𝔦']:
    print(repr(s), s.isidentifier())

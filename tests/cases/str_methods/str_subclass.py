def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class S(str):
    pass
s = S('Hello')
print(type(s).__name__, s, s.upper(), type(s.upper()).__name__, len(s), s == 'Hello')
print(isinstance(s, str), s + '!', s[1:])

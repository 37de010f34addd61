def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class D(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{a} {b}'.format_map(D(a=1)))

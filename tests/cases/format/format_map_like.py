def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class M:
    def __getitem__(self, key):
        return key.upper()
print('%(abc)s %(x)s' % M())
print('{a}-{bc}'.format_map(M()))

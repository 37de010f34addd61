def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for s in ['42', '-42', '+42', '', 'abc', '-', '4-2']:
    print(repr(s.zfill(5)), repr(s.zfill(1)))
t(lambda: '1'.zfill('3'))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in ['0b101', '0o17', '0x1F', '-0b1', '+0X10', '010', '0', '00', '0_0', ' 42 ', '0x', '0b2', '1e3']:
    t(lambda: int(s, 0))

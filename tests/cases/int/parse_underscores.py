def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in [' 12_3 ', '1__2', '_12', '12_', '0x_ff', '0_0', '1_000_000', '0b_1_0', '0x__1']:
    t(lambda: int(s, 0) if s.startswith('0') else int(s))

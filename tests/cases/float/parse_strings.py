def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in ['  1_000.5 ', 'inf', '-Infinity', 'nAn', '+nan', '1e500', '-1e-500', '.5', '5.', '-.5e-3', ' \t5\n', '١٢٣', '1_000.0_1', '0.1', '1E5', '+1.5e+3']:
    t(lambda: float(s))
for s in ['1__0', '1_e5', '_1', '1_', '', ' ', 'abc', '1.5e', '0x10', 'infinityx', '1.2.3', '--1', 'e5']:
    t(lambda: float(s))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in ['0x1.8p1', 'inf', '-Infinity', 'nan', '0x1p-1074', '0x1p-1075', '0x1.8p-1074', '  0X.8  ', '1', '0x1.ffffffffffffffp0', '0x.0p0', '-0x0p0', '0x1p1023', 'ff', '0x1.P2']:
    t(lambda: float.fromhex(s))
for s in ['zz', '0x', '0x1p', '0x1p+-1', '', '0x1.2.3', '0x1p1024']:
    t(lambda: float.fromhex(s))
print((1.5).fromhex('0x1'), float.fromhex((0.1).hex()) == 0.1)

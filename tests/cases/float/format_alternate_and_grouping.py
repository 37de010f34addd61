def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(format(1.0, '#'), format(1.0, '#.3'), format(100.0, '.0'), format(1e100, '.3'), format(123.0, '#.0'), format(1.0, '#e'))
print(format(1234.5678901, '.4_f'), format(1234.5678901, ',._f'), format(1234.5678901, '_.6,f'))
print(format(1e6, ',g'), format(1234567.0, ','), format(1234567.0, '_e'), format(1234.5, '_G'), format(1.5, '010n'))
for spec in ['abc', 'c', 'd', 'x', '.', ',n', 'z,d']:
    t(lambda: format(1.5, spec))

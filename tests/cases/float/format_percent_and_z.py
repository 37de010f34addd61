def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(format(0.5, '%'), format(0.5, '.1%'), format(-1e-10, 'z.2%'), format(0.125, '.0%'))
print(format(-0.0, 'z'), format(-0.0001, 'z.2f'), format(-0.0001, 'z.2e'), format(-0.0, 'zg'), f'{-0.5:z.0f}', format(-0.0, '.1f'))
print(format(float('nan'), '08.2f'), format(float('-inf'), 'F'), format(float('nan'), '+'), format(float('inf'), '=+10'), format(float('nan'), '010'))

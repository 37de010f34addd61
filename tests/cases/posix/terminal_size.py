# os.terminal_size and get_terminal_size (argparse and shutil rely on them).
import os
import shutil

ts = os.terminal_size((80, 24))
print(ts, ts.columns, ts.lines, ts[0], tuple(ts))
print(os.terminal_size.__module__, os.terminal_size.n_fields, os.terminal_size.__match_args__)
print(os.terminal_size.__doc__)
for bad in [(1, 2, 3), 1]:
    try:
        os.terminal_size(bad)
    except TypeError as e:
        print('TypeError:', e)
r, w = os.pipe()
try:
    os.get_terminal_size(r)
except OSError as e:
    print(type(e).__name__)
os.close(r)
os.close(w)
os.environ.pop('COLUMNS', None)
os.environ.pop('LINES', None)
os.environ['COLUMNS'] = '100'
os.environ['LINES'] = '40'
print(shutil.get_terminal_size((77, 33)))

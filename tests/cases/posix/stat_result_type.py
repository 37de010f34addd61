# os.stat_result as a struct sequence: visible fields, hidden fields, defaults.
import os

sr = os.stat_result(range(10))
print(repr(sr))
print(len(sr), tuple(sr))
print(sr.st_mode, sr.st_ino, sr.st_size, sr[7], sr[-1])
print(sr.st_atime, sr.st_mtime, sr.st_ctime)
print(sr.st_atime_ns, sr.st_blksize, sr.st_blocks, sr.st_rdev)
print(os.stat_result.n_fields, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields)
print(os.stat_result.__match_args__)
print([k for k in os.stat_result.__dict__ if k.startswith('st_')])
print(os.stat_result.__module__, os.stat_result.__name__)
print(isinstance(sr, tuple), type(sr).__mro__[1].__name__)
full = os.stat_result(list(range(19)))
print(full.st_atime, full.st_mtime, full.st_ctime, full.st_atime_ns, full.st_rdev)
withdict = os.stat_result(range(10), {'st_blksize': 4096, 'st_atime': 1.5})
print(withdict.st_blksize, withdict.st_atime, withdict.st_mtime)
for args in [(1,) * 9, (1,) * 20, 5]:
    try:
        os.stat_result(args)
    except TypeError as e:
        print('TypeError:', e)
try:
    sr.st_mode = 3
except AttributeError as e:
    print('AttributeError:', e)
print(sr == tuple(range(10)), sr[2:5])
match sr:
    case os.stat_result(st_mode=m, st_ino=i):
        print('matched', m, i)
print(os.stat_result.__doc__.splitlines()[0])

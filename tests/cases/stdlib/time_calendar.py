import time
for secs in [0, 1, -1, 86399.9, 951782400, 1700000000, -2208988800, 4102444800, 1e10, -1e10]:
    t = time.gmtime(secs)
    print(t, t.tm_zone, t.tm_gmtoff, len(t), tuple(t))
    print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %w %y %%', t), time.asctime(t), time.mktime(t) if False else '')
print(time.struct_time, time.struct_time.n_sequence_fields, time.struct_time.n_fields)
print(time.strftime('%Y', (2020, 1, 2, 3, 4, 5, 0, 2, 0)), time.asctime((2020, 1, 2, 3, 4, 5, 0, 2, 0)))
print(time.strftime('%c|%x|%X|%D|%F|%T|%R|%e|%C|%u', (2020, 1, 2, 13, 4, 5, 3, 2, 0)))
print(time.strftime('%Y %m %d %j', (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0), (1, 2), 'x']:
    try:
        print(time.strftime('%Y', bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    time.gmtime(float('nan'))
except Exception as e:
    print(type(e).__name__, e)
print(type(time.localtime()).__name__, len(time.localtime()), time.gmtime(1.99).tm_sec, time.gmtime(-0.5).tm_sec)
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))

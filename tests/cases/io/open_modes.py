# open() mode validation and the errors of its arguments.
for mode in ['rw', 'rbt', 'q', 'rr', '', 'b', 'r++', 'wx', 't', 'x+b+']:
    try:
        open('/tmp/pyrite_case_modes', mode)
    except ValueError as e:
        print(repr(mode), e)
for kw in [dict(encoding='utf-8'), dict(errors='strict'), dict(newline='')]:
    try:
        open('/tmp/pyrite_case_modes', 'rb', **kw)
    except ValueError as e:
        print(e)
try:
    open('/tmp/pyrite_case_modes', 'w', buffering=0)
except ValueError as e:
    print(e)
try:
    open('/tmp/pyrite_case_modes', 'w', newline='x')
except ValueError as e:
    print(e)
try:
    open(3.5)
except TypeError as e:
    print(e)

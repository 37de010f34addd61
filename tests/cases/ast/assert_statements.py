assert x
assert x, 'message'
assert (a, b)
assert isinstance(y, int), f'bad {y!r}'

assert x > 0, f'expected positive, got {x}'
assert isinstance(y, (int, float)), ('bad', y)
assert not z, \
    'z must be empty'

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: str.maketrans('abc', 'xyz'))
t(lambda: 'aabbcc'.translate(str.maketrans('abc', 'xyz')))
t(lambda: 'abc'.translate(str.maketrans('', '', 'b')))
t(lambda: 'abc'.translate({97: 'AA', 98: None}))
t(lambda: str.maketrans({'a': 1, 2: 'b'}))
t(lambda: str.maketrans('ab', 'x'))
t(lambda: str.maketrans('ab'))
t(lambda: str.maketrans({'ab': 1}))
t(lambda: 'abc'.translate({97: 1.5}))
t(lambda: 'abc'.translate([]))

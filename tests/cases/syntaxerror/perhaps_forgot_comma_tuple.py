t = (
    'a',
    'b'
    x
)

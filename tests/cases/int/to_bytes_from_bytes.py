def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t(lambda: (10).to_bytes(2, 'big'))
t(lambda: (1024).to_bytes(2, 'little'))
t(lambda: (-1).to_bytes(2, 'big', signed=True))
t(lambda: (256).to_bytes(1, 'big'))
t(lambda: (-1).to_bytes(1, 'big'))
t(lambda: (5).to_bytes())
t(lambda: int.from_bytes([1, 2], 'big'))
t(lambda: int.from_bytes([255, 255], 'little', signed=True))
t(lambda: int.from_bytes([1], 'middle'))

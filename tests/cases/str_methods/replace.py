def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: 'aaa'.replace('a', 'b'))
t(lambda: 'aaa'.replace('a', 'b', 2))
t(lambda: 'abc'.replace('', '-'))
t(lambda: 'abc'.replace('', '-', 2))
t(lambda: 'abc'.replace('b', ''))
t(lambda: 'abc'.replace('a', 'x', count=1))
t(lambda: 'abc'.replace(1, 'x'))
t(lambda: 'abc'.replace('a', 2))
t(lambda: 'ééé'.replace('é', 'e', -1))

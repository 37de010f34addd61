def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t(lambda: {1, 2} | [3])
t(lambda: {1} & 'a')
t(lambda: {1} - None)
t(lambda: {1} ^ (1,))
t(lambda: {1} < [1])
t(lambda: {[1]})
t(lambda: {1}.add([]))
t(lambda: [] in {1})
t(lambda: {1}.remove(2))
t(lambda: {1}.remove((1, [])))

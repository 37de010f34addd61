def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(hash('a') == hash('a'), 'abc' == 'ab' + 'c', 'é' == '\xe9')
d = {'key': 1, 'é': 2, '😀': 3}
print(d['key'], d['\xe9'], d['\U0001F600'])
print(sorted(['b', 'a', 'é', 'Z', '😀', '']))

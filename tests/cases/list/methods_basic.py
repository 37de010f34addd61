def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = [3, 1, 2]
a.append(4); a.extend((5, 6)); a.insert(0, 0); a.insert(-1, 9); a.insert(100, 7)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
a.remove(9); print(a, a.index(2), a.count(1), a.copy(), a.copy() is a)
a.reverse(); print(a)
a.clear(); print(a)

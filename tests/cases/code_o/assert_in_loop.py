def f(items):
    for i in items:
        assert i
    return len(items)

def g(items):
    try:
        assert items
    except AssertionError:
        return None
    return items

def gen():
    """gen doc"""
    assert True
    yield 1
    yield from range(3)

def f(cm):
    with cm as c:
        assert c, "no c"
        try:
            assert c.ok
        finally:
            assert c.closed
    return c

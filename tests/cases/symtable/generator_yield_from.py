def gen(it):
    r = yield from it
    return r

class C(base := object):
    pass

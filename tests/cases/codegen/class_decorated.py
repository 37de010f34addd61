@dec
class C:
    pass

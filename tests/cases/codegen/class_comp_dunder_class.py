class C:
    [x for x in __class__]

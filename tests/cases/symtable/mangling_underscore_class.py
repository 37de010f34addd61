class _:
    __x = 1
class __Priv:
    __y = 2

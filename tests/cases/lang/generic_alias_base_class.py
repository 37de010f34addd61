class MyList(list[int]):
    pass
print(MyList.__bases__, MyList([1, 2]), MyList.__mro__[1], MyList.__orig_bases__)

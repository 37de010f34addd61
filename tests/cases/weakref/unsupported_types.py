import _weakref
for obj in (1, "s", (1,), [], {}, None):
    try:
        _weakref.ref(obj)
    except TypeError as e:
        print(e)

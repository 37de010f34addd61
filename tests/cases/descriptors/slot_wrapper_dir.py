# Which slot wrappers a built-in type's dict holds (what the type fills itself).
def own(t):
    return [k for k, v in t.__dict__.items()
            if type(v).__name__ == "wrapper_descriptor" or v is None or k == "__new__"]
for t in [object, int, float, list, tuple, dict, str, frozenset]:
    print(t.__name__, own(t))
print([k for k in dir(5) if k.startswith("__r") and k not in ("__reduce__", "__reduce_ex__")])
print("__iadd__" in dir([]), "__iadd__" in dir(()), "__hash__" in dir([]), [].__hash__)
print(type(int.__dict__["__add__"]).__name__, type(int.__dict__["__new__"]).__name__)
print(sorted(k for k in dir(list) if k in ("__len__", "__iter__", "__init__", "__contains__")))

# Slot wrappers of built-in types: reprs, names, docs and types.
for w in [int.__add__, int.__radd__, int.__neg__, int.__bool__, float.__truediv__,
          list.__len__, list.__iadd__, tuple.__getitem__, dict.__setitem__,
          object.__init__, object.__repr__, object.__getattribute__, str.__mod__]:
    print(repr(w), w.__name__, w.__qualname__, w.__objclass__.__name__)
print(type(int.__add__).__name__, type((5).__add__).__name__)
print(int.__add__.__doc__, "|", int.__radd__.__doc__, "|", int.__iadd__.__doc__ if hasattr(int, "__iadd__") else None)
print(list.__iadd__.__doc__, "|", int.__neg__.__doc__, "|", object.__init__.__doc__)
print(int.__add__.__text_signature__, int.__pow__.__text_signature__, object.__init__.__text_signature__)
m = (5).__add__
print(m.__self__, m.__name__, m.__qualname__, m.__objclass__, m.__doc__)
print(m == (5).__add__, m == (6).__add__, m != (5).__sub__, hash(m) == hash((5).__add__))
print(repr([].__len__).startswith("<method-wrapper '__len__' of list object at 0x"))
print(repr(int.__new__).startswith("<built-in method __new__ of type object at 0x"), int.__new__.__self__)
print(list.__hash__, dict.__hash__, set.__hash__, int.__hash__ is not None)

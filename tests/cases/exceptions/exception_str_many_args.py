print(str(ValueError(1, 2)), str(ValueError([1])), repr(ValueError("a", [1])))
print(str(KeyError("a", "b")))

data = {"a": 1}
del data[
    "b"
]

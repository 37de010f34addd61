table = {"a": {"b": [1, 2]}}


def lookup():
    return table["a"][
        "b"
    ][
        5
    ]


lookup()

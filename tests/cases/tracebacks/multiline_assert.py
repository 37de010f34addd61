def check(values):
    assert (
        len(values) > 3
    ), "too short"


check([1])

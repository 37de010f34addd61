def check(value):
    if value < 0:
        raise ValueError(
            "negative value",
            value,
        )


check(-1)

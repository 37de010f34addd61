def build(*parts):
    raise ValueError(len(parts))


items = [0] + build(
    1,
    2,
    3,
    4,
    5,
    6,
)

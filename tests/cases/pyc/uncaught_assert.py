def validate(items):
    for item in items:
        assert isinstance(item, int), f"bad item {item!r}"
validate([1, 2, "three"])

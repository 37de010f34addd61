class Strict:
    def __init__(self, value):
        if value < 0:
            raise ValueError(f"negative: {value}")
        self.value = value
items = []
for v in [3, -1, 5]:
    try:
        items.append(Strict(v))
    except ValueError as e:
        print("skipped", e)
print([s.value for s in items])

tests = [lambda: 1 + "a", lambda: "a" + 1, lambda: [] + (), lambda: 1 < "x", lambda: -"s",
         lambda: "a" * "b", lambda: 5 % 0, lambda: 2.0 / 0, lambda: [1][3], lambda: (1,)[-5],
         lambda: "abc"[10], lambda: int("z"), lambda: float("q"), lambda: {}[[]], lambda: hash([]),
         lambda: None.attr, lambda: (1).real_thing, lambda: iter(3)]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)

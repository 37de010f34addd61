def f(d):
    match d:
        case {"type": "a", **rest}: return f"a {rest}"
        case {"type": "b", "v": v}: return f"b {v}"
        case {}: return "empty-or-any"
print(f({"type": "a", "x": 1}), f({"type": "b", "v": 2, "z": 3}), f({}), f({"q": 1}))
print(f([1]) if False else "")

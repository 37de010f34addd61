data = {"a": 1, "b": 2}
keys = ["a", "b", "c"]
values = [data[k] for k in keys]

data = {"a": {"b": [1, 2]}}
result = data["a"]["b"][5] + 1

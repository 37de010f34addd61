import json
values = [None, True, False, 0, 1, -1, 2**63, -2**70, 10**100, 0.0, -0.0, 1.5, 1e100, 1e-7,
          123456789.123, 2.5e-300, 1/3, "", "abc", [], (), {}, [1, [2, [3]]], (1, (2,)),
          {"a": 1, "b": [None, True]}, {"nested": {"x": {"y": {}}}}]
for v in values:
    print(repr(v)[:40], json.dumps(v))
print(json.dumps(values))
print(json.dumps(float("inf")), json.dumps(float("-inf")), json.dumps(float("nan")))
print(json.dumps([float("inf"), float("-inf"), float("nan")]))
print(json.dumps({1: 2, True: 3, None: 4, 1.5: 5, 2**70: 6, -3: 7, False: 8}))
print(json.dumps({float("inf"): 1, float("-inf"): 2, float("nan"): 3}))
print(json.dumps({"k": "v"}, check_circular=False))

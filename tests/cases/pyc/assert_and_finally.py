def check(x):
    try:
        assert x > 0, f"x must be positive, got {x}"
        return "ok"
    finally:
        print("checked", x)
print(check(1))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)

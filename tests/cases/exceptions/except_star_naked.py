try:
    raise ValueError("naked")
except* ValueError as e:
    print(repr(e), type(e).__name__)

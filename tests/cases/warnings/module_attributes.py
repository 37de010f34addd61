import _warnings

print(sorted(name for name in dir(_warnings) if not name.startswith("__")))
print(type(_warnings.filters).__name__, type(_warnings._onceregistry).__name__)
print(_warnings.__name__, _warnings.__doc__)

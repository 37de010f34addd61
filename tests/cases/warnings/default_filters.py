import _warnings

for item in _warnings.filters:
    print(item)
print(_warnings._defaultaction, type(_warnings._onceregistry))
for category in [DeprecationWarning, PendingDeprecationWarning, ImportWarning,
                 ResourceWarning, FutureWarning, SyntaxWarning, RuntimeWarning,
                 UnicodeWarning, BytesWarning, EncodingWarning, UserWarning, Warning]:
    _warnings.warn(category.__name__ + " here", category)
print(issubclass(DeprecationWarning, Warning), Warning.__mro__)

import _warnings

for i in range(2):
    _warnings.warn("again?")
print(sorted(repr(k) for k in __warningregistry__))
_warnings._acquire_lock()
_warnings._filters_mutated_lock_held()
_warnings._release_lock()
for i in range(2):
    _warnings.warn("again?")
print(sorted(repr(k) for k in __warningregistry__))

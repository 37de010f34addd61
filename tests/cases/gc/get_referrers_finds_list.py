import gc
class T: pass
target = T()
holder = [target]
other = {"key": target}
refs = gc.get_referrers(target)
print(any(r is holder for r in refs))
print(any(r is other for r in refs))
print(gc.get_referrers() == [])

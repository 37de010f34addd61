import sys
sys.path.insert(0, "support")
import warnmod

warnmod.old_api()
warnmod.noisy()
warnmod.noisy()
print(sorted(repr(k) for k in warnmod.__warningregistry__))
print(sorted(repr(k) for k in __warningregistry__))
print(sys.warnoptions)

import sys
for s in (sys.stdout, sys.stderr, sys.stdin):
    print(s.encoding, s.fileno())
print(sys.stderr.errors)
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)

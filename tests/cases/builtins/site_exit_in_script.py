print(repr(exit), repr(quit), str(exit))
print(type(exit).__name__, type(help).__name__, repr(help)[:40])
print(repr(copyright).splitlines()[0][:20])
try:
    exit(5)
except SystemExit as e:
    print("caught", e.code)
print("then quit")
quit(3)

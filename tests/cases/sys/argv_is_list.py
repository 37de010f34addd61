import sys
print(type(sys.argv).__name__, len(sys.argv))
print(sys.argv[0].endswith("argv_is_list.py"))

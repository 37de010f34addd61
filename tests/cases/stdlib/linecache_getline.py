import linecache
path = __file__
print(repr(linecache.getline(path, 1)))
print(repr(linecache.getline(path, 3)))
print(repr(linecache.getline(path, 999)))
print(len(linecache.getlines(path)))
print(repr(linecache.getline("no/such/file.py", 1)))
linecache.clearcache()

import os
try:
    os.stat("/no/such/file")
except OSError as e:
    print(type(e).__name__, e.errno == 2 or e.errno == 44, e.strerror, e.filename)
    print(str(e).endswith("No such file or directory: '/no/such/file'"))

# Opening missing files and directories: the OSError subclass and its fields.
import errno
for path, mode in [('/nonexistent_dir/file', 'r'), ('/tmp', 'r'), ('/nonexistent_dir/f', 'w')]:
    try:
        open(path, mode)
    except OSError as e:
        print(type(e).__name__, e.strerror, e.filename, e.errno in (errno.ENOENT, errno.EISDIR))
try:
    open('/tmp/pyrite_case_exists', 'w').close()
    open('/tmp/pyrite_case_exists', 'x')
except FileExistsError as e:
    print(type(e).__name__, e.strerror, e.filename)
import os
os.remove('/tmp/pyrite_case_exists')

def cleanup():
    raise OSError("cleanup failed")

try:
    int("not a number")
except ValueError:
    cleanup()

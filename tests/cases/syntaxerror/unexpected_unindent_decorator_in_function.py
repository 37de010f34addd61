def outer():
    @functools.wraps(f)
return 1

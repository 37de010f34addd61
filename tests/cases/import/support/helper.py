value = 42
public = "pub"
_private = 1

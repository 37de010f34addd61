with (
    open('a') as f,
    lock,
):
    pass

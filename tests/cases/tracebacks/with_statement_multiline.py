class Ctx:
    def __enter__(self):
        raise OSError("no enter")

    def __exit__(self, *a):
        return False


with (
    Ctx() as a,
):
    pass

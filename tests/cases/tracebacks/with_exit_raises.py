class CM:
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        raise RuntimeError("exit failed")

with CM():
    raise ValueError("body failed")

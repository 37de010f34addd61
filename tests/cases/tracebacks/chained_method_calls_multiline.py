class Q:
    def where(self, **kw):
        return self

    def order(self, key):
        raise LookupError(key)


result = (
    Q()
    .where(a=1)
    .order(
        "name"
    )
)

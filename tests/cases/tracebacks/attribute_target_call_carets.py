def fail():
    raise RuntimeError("boom")


class Holder:
    pass


def tuple_target():
    a, b = fail()


def attribute_target():
    holder = Holder()
    holder.value = fail()


def method_returned():
    return Holder.missing_method()


for f in [tuple_target, method_returned]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__)
attribute_target()

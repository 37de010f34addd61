def fail():
    raise RuntimeError("boom")


def returns_call():
    return fail()


def assigns_call():
    value = returns_call()
    return value


def statement_call():
    assigns_call()


def run():
    statement_call()


run()

x = 10
def fail():
    raise ValueError("boom")
fail()

def g():
    try:
        while True:
            x = yield
            if x is None:
                break
    except GeneratorExit:
        raise
    finally:
        yield 'done'

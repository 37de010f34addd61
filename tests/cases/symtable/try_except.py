def f():
    try:
        x = 1
    except (ValueError, TypeError) as e:
        y = e
    else:
        z = 1
    finally:
        w = 2
    try:
        pass
    except* OSError as g:
        pass

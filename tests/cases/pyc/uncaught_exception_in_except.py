def handler():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return undefined_helper()
handler()

def parse(s):
    try:
        return int(s)
    except ValueError:
        return undefined_helper(s)
parse("x")

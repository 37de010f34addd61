counts = {}


def bump(key):
    counts[key] += 1


bump("a")

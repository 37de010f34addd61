try:
    {}["missing"]
except KeyError:
    int("x")

def apply(fn, value):
    return fn(value)


total = apply(lambda v: v["missing"],
              {"present": 1})

def combine(left, right):
    result = (left *
              2 -
              right)
    return result


print(combine(3, "x"))

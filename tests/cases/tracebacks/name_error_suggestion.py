def compute():
    counter = 1
    return countr + 1

compute()

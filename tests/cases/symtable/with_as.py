def f():
    with open('a') as fa, open('b') as (fb, fc):
        pass

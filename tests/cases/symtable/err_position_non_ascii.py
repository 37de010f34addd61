def f():
    x = 'é'; global x

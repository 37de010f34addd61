f(x, g(y)=3)

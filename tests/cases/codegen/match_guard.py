match x:
    case [a] if a > 1:
        f()
    case _ if y:
        g()

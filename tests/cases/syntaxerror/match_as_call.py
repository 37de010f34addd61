match x:
    case y as f():
        pass

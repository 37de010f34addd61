match command:
    case Color.RED:
        pass
    case mod.sub.CONST:
        pass
    case name:
        pass
match y:
    case _:
        pass

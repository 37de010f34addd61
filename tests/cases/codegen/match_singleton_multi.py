match x:
    case None | False:
        pass
    case _:
        pass

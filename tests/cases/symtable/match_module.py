match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass

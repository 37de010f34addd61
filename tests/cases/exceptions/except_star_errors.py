try:
    try:
        raise ValueError()
    except* ExceptionGroup:
        pass
except TypeError as e: print(e)
try:
    try:
        raise ValueError()
    except* (ValueError, ExceptionGroup):
        pass
except TypeError as e: print(e)

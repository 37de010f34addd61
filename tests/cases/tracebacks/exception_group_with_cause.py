def task(n):
    try:
        1 / n
    except ZeroDivisionError as e:
        raise ValueError(f"task {n} failed") from e

errors = []
for n in (0,):
    try:
        task(n)
    except ValueError as e:
        errors.append(e)
raise ExceptionGroup("tasks", errors)

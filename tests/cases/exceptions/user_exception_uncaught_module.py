class AppError(Exception):
    pass
raise AppError("failed", 42)

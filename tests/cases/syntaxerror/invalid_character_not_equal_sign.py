if a ≠ b:
    pass

msg = f"value: {x}

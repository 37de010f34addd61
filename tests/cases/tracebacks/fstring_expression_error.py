value = None
print(f"result: {value.upper()} done")

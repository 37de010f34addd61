x = f"{f"{f"{f"{1}"}"}"}"
y = f'{"\n".join(f"{a}" for a in b)}'

d = {k: v for k, v items}

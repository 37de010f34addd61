{k: v for k in a for v in b}

x = rf'\d{n}

x = t'{a!rr}'

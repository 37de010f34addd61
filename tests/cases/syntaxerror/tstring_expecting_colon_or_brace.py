x = t'{a!r b}'

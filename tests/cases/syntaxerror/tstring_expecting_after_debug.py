x = t'{a=b}'

x = t'{a:{b}'

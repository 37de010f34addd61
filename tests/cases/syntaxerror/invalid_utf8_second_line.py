x = 1
# café
y = 2

x = a     +     b
y = not    a
z = a  is  not  b
w = a  not  in  b
v = lambda   x  :  x

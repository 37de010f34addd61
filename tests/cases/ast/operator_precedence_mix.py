x = a + b * c ** -d // e - f % g @ h << i | j & k ^ l or m and not n < o
y = not a or b and c
z = -x ** 2
w = (-x) ** 2
v = a if b or c else d and e

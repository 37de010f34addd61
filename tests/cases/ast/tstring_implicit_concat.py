a = t'a' t'{b}' t"c"
b = (t'x'
     t'{y}'
     t'''z''')

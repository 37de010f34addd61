a = t'''
{x}
  {y!r}
'''
b = rt'\d{x}'
c = TR'{x}\n'
d = t"{
    x
}"

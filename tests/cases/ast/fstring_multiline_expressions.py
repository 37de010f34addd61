a = f'''{
    x
}'''
b = f'''
text {x +
      y} more
'''
c = f"{
    x  # comment
    + 1
}"
d = f'{x:\n}'
e = f'''{x:{
    w
}}'''

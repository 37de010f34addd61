s = 'abc\
def'
t = f'{x}\
{y}'
b = b'12\
34'
u = '''x\
y'''

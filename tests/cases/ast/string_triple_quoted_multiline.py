doc = """First line
second line
    indented line
"""
other = '''
with 'quotes' and "double"
'''
x = 1
s = """a""" + """b
c"""

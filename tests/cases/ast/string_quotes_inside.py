a = 'He said "hi"'
b = "It's"
c = '''It's "fine"'''
d = """'"""
e = 'a\'b'
f = "a\"b"
g = ''''a'''
h = """"a"""

# комментарий ünicode
x = 'ü' + 'ö'  # ß
y = '''
multi ünicode ☃
''' + z
w = x if 'é' in y else None

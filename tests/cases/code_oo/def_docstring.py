def f():
    '''Doc
       string.'''
    return 1

def f():
    '''
    First.

        Indented.
    '''

x = (t'a'
     'b')

for i in x:
    if i:
        pass


   print(i)

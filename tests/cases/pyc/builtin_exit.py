print(len.__name__, print.__name__, [].append.__name__)
for i in range(5):
    if i == 2:
        exit(4)
    print(i)

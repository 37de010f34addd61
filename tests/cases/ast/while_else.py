while x:
    x -= 1
else:
    done = True
while True: break

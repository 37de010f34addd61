print("hello "world" !")

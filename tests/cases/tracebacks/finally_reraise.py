def f():
    try:
        raise KeyError("original")
    finally:
        print("finally ran")

f()

line = input()
print("got", repr(line))
line2 = input("prompt> ")
print("got", repr(line2))
try:
    input()
except EOFError as e:
    print("EOFError", repr(str(e)))

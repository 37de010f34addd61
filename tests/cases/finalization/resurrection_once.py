saved = []
class P:
    def __del__(self):
        print("del called")
        saved.append(self)
p = P()
del p
print(len(saved))
saved.clear()
print("cleared")

import gc
class Meta:
    pass
def make():
    class K:
        def __del__(self): print("instance freed")
    K.instance = K()
    return K
k = make()
del k
gc.collect()
print("end")

import gc
class Holder:
    def __del__(self): print("holder freed")
d = {}
d["self"] = d
d["h"] = Holder()
del d
gc.collect()
print("end")

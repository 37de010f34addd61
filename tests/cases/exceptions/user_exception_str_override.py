class E(Exception):
    def __str__(self): return "custom str"
    def __repr__(self): return "custom repr"
print(str(E()), repr(E()))
raise E(1)

class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(G[int], G[1, 2])
try:
    object[int]
except TypeError as e: print(e)
print(list[int], dict[str, int])

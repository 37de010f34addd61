def first[T](items: list[T]) -> T:
    return items[0]
print(first([3, 4]), first.__type_params__)
class Box[T]:
    def __init__(self, item: T):
        self.item = item
print(Box(5).item, Box.__type_params__)
type Pair[K] = tuple[K, K]
print(Pair.__name__, Pair.__type_params__, Pair.__value__)
type Alias = int
print(Alias, Alias.__value__)

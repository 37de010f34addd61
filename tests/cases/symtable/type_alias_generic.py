type Pair[T] = tuple[T, T]
type Rec[K, V: int] = dict[K, V]

class Stack[T]:
    """A stack."""
    def __init__(self) -> None:
        self._items: list[T] = []
    def push(self, item: T) -> None:
        self._items.append(item)
    def pop(self) -> T:
        return self._items.pop()
    def map[U](self, f: "Callable[[T], U]") -> "Stack[U]":
        out = Stack[U]()
        for i in self._items:
            out.push(f(i))
        return out

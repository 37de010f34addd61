class Box[T]:
    def get(self) -> T:
        pass

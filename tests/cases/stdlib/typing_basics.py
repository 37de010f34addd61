from typing import List, Optional, TypeVar, Generic, NamedTuple
T = TypeVar("T")
class Box(Generic[T]):
    pass
print(List[int], Optional[str], Box[int])
class NT(NamedTuple):
    a: int
    b: str = "x"
print(NT(1))

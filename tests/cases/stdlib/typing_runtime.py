import typing
from typing import TypeVar, Generic, NamedTuple, TypedDict, Protocol, runtime_checkable, cast, get_origin, get_args, List, Optional, Union
T = TypeVar("T")
K = TypeVar("K", bound=int)
S = TypeVar("S", int, str)
print(T.__name__, K.__bound__ is int, S.__constraints__ == (int, str), T.__covariant__, repr(T))
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
b = Box[int](3)
print(b.item, Box.__parameters__ == (T,), get_origin(Box[int]) is Box, get_args(Box[int]) == (int,))
print(get_origin(List[int]) is list, get_args(Optional[str]) == (str, type(None)), Union[int, int] is int)
print(cast(int, "s"))
try:
    class Bad(T):
        pass
except TypeError as e:
    print("TypeError", e)
class Pair[A, B]:
    pass
print([p.__name__ for p in Pair.__type_params__], Pair.__parameters__ == Pair.__type_params__)

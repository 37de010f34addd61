from dataclasses import dataclass, field, asdict
from collections import Counter
from typing import ClassVar
import json


@dataclass(order=True, slots=True)
class Item:
    sort_index: float = field(init=False, repr=False)
    name: str
    price: float
    tags: list[str] = field(default_factory=list)
    TAX: ClassVar[float] = 0.2

    def __post_init__(self):
        self.sort_index = self.price

    @property
    def gross(self) -> float:
        return round(self.price * (1 + self.TAX), 2)


@dataclass
class Inventory:
    items: list[Item] = field(default_factory=list)

    def add(self, *items: Item) -> "Inventory":
        self.items.extend(items)
        return self

    def by_tag(self) -> Counter[str]:
        return Counter(t for i in self.items for t in i.tags)

    def cheapest(self, n: int = 1) -> list[Item]:
        return sorted(self.items)[:n]

    def to_json(self) -> str:
        return json.dumps([asdict(i) for i in self.items], indent=2, sort_keys=True)


inv = Inventory().add(
    Item("pen", 1.5, ["office"]),
    Item("desk", 120.0, ["office", "furniture"]),
    Item("lamp", 25.0, tags=["furniture", "light"]),
)
print(inv.cheapest(2), inv.by_tag().most_common(1), [i.gross for i in inv.items])
print(inv.to_json()[:40])

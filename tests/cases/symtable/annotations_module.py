x: int = 1
y: list[str]
z: "forward"
(p): int = 2
obj.attr: int = 3

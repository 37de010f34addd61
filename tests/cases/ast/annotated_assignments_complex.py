x: dict[str, list[tuple[int, ...]]] = {}
y: Callable[[int], str] | None = None
z: 'Forward[T]'
w: Annotated[int, 'meta'] = 0
self_attr: int

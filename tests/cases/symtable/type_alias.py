type Point = tuple[float, float]

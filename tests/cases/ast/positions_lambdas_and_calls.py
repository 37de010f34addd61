result = sorted(
    data,
    key=lambda item: (
        item.priority,
        -item.age,
    ),
    reverse=True,
)

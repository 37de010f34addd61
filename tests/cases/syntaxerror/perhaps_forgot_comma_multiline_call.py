print(
    'a'
    'b' 1
)

x = {  # comment
    'a': 1,

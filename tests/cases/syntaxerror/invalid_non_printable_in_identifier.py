na​me = 1

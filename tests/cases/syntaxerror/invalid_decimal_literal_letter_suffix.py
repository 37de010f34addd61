value = 123abc + 1

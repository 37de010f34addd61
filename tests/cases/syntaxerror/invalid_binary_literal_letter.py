x = 0b101z

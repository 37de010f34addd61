del f().x, g()[0]

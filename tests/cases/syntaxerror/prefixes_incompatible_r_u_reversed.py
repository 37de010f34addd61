x = Ru'abc'

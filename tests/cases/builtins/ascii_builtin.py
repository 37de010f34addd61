print(ascii("abc"), ascii("é"), ascii("日本"), ascii("\U0001f600"))
print(ascii([1, "ü"]), ascii(1.5))

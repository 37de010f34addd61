table = {
    "one": 1,
    "two": 2,
}
total = (table["one"]
         + table[
             "three"
         ])

labels = {"😀": 1}
x = labels["😀"] + labels["🙂"]

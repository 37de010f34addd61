def f(x):
    return x

données = {"clé": 1}
résultat = "日本語" + f(données["ключ"])

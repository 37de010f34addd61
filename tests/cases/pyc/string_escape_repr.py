print(repr("line\nbreak"), repr("back\\slash"), repr("\x00\x7f"), repr("caf\u00e9"))
print(len("caf\u00e9"), "caf\u00e9".upper(), "\u00e9" in "caf\u00e9", ascii("caf\u00e9"))
print("tab\there", "quote\"s", 'single\'s')

s = "Hello, World"
print(s.lower(), s.upper(), s.split(", "), s.replace("l", "L", 2), s.find("o"), s.rfind("o"), s.count("l"))
print(s[0], s[-1], s[3:8], len(s), s * 2, s + "!", "World" in s, s.startswith("He"), s.endswith(("x", "ld")))
print("-".join(["a", "b", "c"]), "  pad  ".strip(), "xxhixx".strip("x"), "a,b,,c".split(","), "a b  c".split())
print("abc" < "abd", "Z" < "a", "apple" > "app", sorted(["b", "A", "a", "B"]), ord("a"), chr(9731))
print(str(123), repr("it's"), repr('say "hi"'), repr("tab\there"), repr("nl\n"), "\u00e9", len("\U0001F600"))
print("%s" % [1, "a"], str([1, "a"]), str({"k": "v"}), str((1,)), str(()), str(None), str(True))
print("abc".index("c"), "title case here".title(), "MiXeD".swapcase(), "42".zfill(5), "x".center(5, "*"))
try:
    "abc".index("z")
except ValueError as e:
    print(e)
print(f"{'é':>3}|", "naïve".encode() if False else "", "straße".upper(), "ǅ".lower())

s = "one two three two"
print(s.partition(" "), s.rsplit(" ", 1), s.split(" ", 1), "a\nb\nc".splitlines())
print(s.replace("two", "2", 1), "abc".upper().lower(), " x ".lstrip(), " x ".rstrip() + "|")
print("Hello"[1:4], "x,y".split(","), "".join(reversed("abc")), "-".join("abc"))
print("CamelCase".isupper(), "ABC".isupper(), "abc".islower(), "  ".isspace(), "a1".isalnum())
print("%d%%" % 50, "abc".find("z"), "abcabc".index("c", 3), "aaa".count("a"))
print(str(123).zfill(6), "-5".zfill(4), "{:*^11}".format("mid"))

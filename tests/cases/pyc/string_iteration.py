s = "héllo wörld"
print(len(s), s.upper(), s[1], s[-1], s[::-1], s.count("l"), s.find("w"))
print([c for c in "abc"], list(enumerate("xy")), "".join(sorted("banana")), sorted(set("mississippi")))
vowels = sum(1 for c in "programming" if c in "aeiou")
print(vowels, "a,b;c".replace(";", ",").split(","), "x".center(5, "-"))
for line in "first\nsecond\nthird".splitlines():
    print(line.capitalize(), len(line))

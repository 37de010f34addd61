def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for c in ['٣', '²', '①', '½', 'Ⅻ', '〇', '四', 'ǅ', 'ᾼ', 'ꭰ', 'Ꭰ', '\u0301', '\u2028', '\x85', '\u200b', '𝟘', 'ª', 'ʰ']:
    print(ascii(c), c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(), c.isupper(), c.islower(), c.istitle(), c.isprintable())

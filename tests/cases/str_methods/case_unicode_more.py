def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for s in ['ꭰ', 'Ꭰ', 'ǈ', 'ᾳ', 'ŉ', 'ǰ', 'ΐ', 'ﬅ', 'Σ', 'aΣ', 'aΣb', 'aΣ.', 'ΑΣ\'', 'i̇']:
    print(ascii(s), ascii(s.upper()), ascii(s.lower()), ascii(s.title()), ascii(s.capitalize()), ascii(s.swapcase()), ascii(s.casefold()))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('ß'.upper(), 'ﬃ'.upper(), 'İ'.lower(), len('İ'.lower()))
print('ΣΑΣ'.lower(), 'ΑΣ ΣΑ'.lower(), 'Σ'.lower())
print('ΣΑΣ'.swapcase())
print('ß'.casefold(), 'ẞ'.casefold(), 'ﬁ'.casefold(), 'ς'.casefold(), 'ABC'.casefold())
print('hello world'.title(), "they're bill's".title())
print('ǆ'.capitalize(), 'ǆ'.title(), 'ǆ'.upper())

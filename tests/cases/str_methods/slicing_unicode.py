def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = 'aé😀bц'
print(ascii(s[1:4]), ascii(s[::-1]), ascii(s[::2]), ascii(s[-2:]), ascii(s[1:-1:2]))
print(s.find('😀'), s.index('b'), s.count('é'), s.rfind('ц'), len(s))
print(ascii(s.split('😀')), ascii(s.partition('😀')))

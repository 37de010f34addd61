if (n := len(a)) > 10:
    pass
if m := re.match(p, s):
    pass
elif k := 0:
    pass
while chunk := f.read(10):
    pass

if x: y = 1
while x: x -= 1
for i in r: pass
with a: pass
try: pass
except: pass
class C: x = 1; y = 2
def f(): return 1
if a: b; c
else: d

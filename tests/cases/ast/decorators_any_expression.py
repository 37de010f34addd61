@buttons[0].clicked.connect
def spam(): pass
@(lambda f: f)
def eggs(): pass
@x if y else z
class K: pass
@a[1:2]
def s(): pass
@(yield_value := decorators[0])
def t(): pass
@f(x)(y)
async def u(): pass
@not_really or maybe
def v(): pass

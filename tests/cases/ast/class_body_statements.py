class C:
    x = 1
    y: int = 2
    z: str
    if x:
        w = 3
    for i in range(2):
        pass
    del i
    try:
        import os
    except ImportError:
        pass
    def m(self): pass
    async def am(self): pass
    class Inner: pass
    lam = lambda self: self.x

def a():
    class B:
        def c(self):
            for d in e:
                while f:
                    with g:
                        try:
                            if h:
                                match i:
                                    case j:
                                        return [k async for k in l] if m else n
                        except:
                            pass

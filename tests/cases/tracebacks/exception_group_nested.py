inner = ExceptionGroup("inner", [KeyError("k"), IndexError("i")])
outer = BaseExceptionGroup("outer", [inner, ValueError("v")])
raise outer

e = BaseException(1, 2)
print(e.args, e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)
e.args = [3]
print(e.args)
e.custom = 5
print(e.custom, e.__dict__)
print(BaseException.__mro__)
print(ValueError.__mro__)

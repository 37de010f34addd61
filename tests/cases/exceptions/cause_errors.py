try:
    raise ValueError from 1
except TypeError as e: print(e)
try:
    raise 1
except TypeError as e: print(e)
try:
    raise ValueError from KeyError
except ValueError as e: print(repr(e.__cause__))
class NotExc: pass
try:
    raise NotExc
except TypeError as e: print(e)

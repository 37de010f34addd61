from a import b
from a import b as c, d
from . import x
from ..a.b import c
from a import *

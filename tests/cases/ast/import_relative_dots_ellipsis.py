from ...a import b
from ....a import c
from . . . import d
from .. . import e

import os
import os.path
import os.path as osp, sys as system
import a.b.c
from os import path
from os import path as p, sep
from os import (path, sep,)
from os import (path as p,
                sep as s)
from . import sibling
from .. import parent
from ... import grand
from .... import great
from .mod import name
from ..pkg.mod import *
from .....x import y

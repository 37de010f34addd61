import a.b.c.d.e.f
import x as y, z.w as v
from a.b.c import (d as e, f as g, h)
from .a.b import c as d

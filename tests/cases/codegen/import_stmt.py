import a
import a.b.c
import a.b.c as d
import a as b, c

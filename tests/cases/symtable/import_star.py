from os import *
from os.path import join
import a.b.c as d

import os
import os.path as p
import xml.dom.minidom
from sys import argv, path as sp
x = 1
y = x + z
print(y)
del x

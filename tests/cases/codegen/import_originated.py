import os
os.path.join(a, b)
os.getcwd()

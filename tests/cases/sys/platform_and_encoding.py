import sys
print(type(sys.platform).__name__)
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
print(type(sys.executable).__name__)

import sys
impl = sys.implementation
print(type(impl.name).__name__, impl.version[:2], impl.hexversion == sys.hexversion)
print(impl.cache_tag.endswith("314"))

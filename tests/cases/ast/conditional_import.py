try:
    import json
except ImportError:
    json = None
if sys.version_info >= (3, 14):
    from annotationlib import get_annotations
else:
    get_annotations = None

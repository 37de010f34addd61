from . import sub
from .sub import deep
rel_value = deep.deep_value + 1

deep_value = 10
from .. import attr

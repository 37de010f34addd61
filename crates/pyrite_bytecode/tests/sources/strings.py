"""f-strings, t-strings and docstrings."""
from string.templatelib import Template


def fstrings(name, width, value):
    """Docstring with 'quotes' and \\ backslash."""
    return f"{name!r:>{width}} {value=} {value:.3f} {{literal}} {'nested ' + name}"


def tstrings(name):
    return t"hello {name!s:<10}"


def bytes_escapes():
    return b"\t\n\r\\'\"\x7f\x80", "tab\there\x00\x1f\x7f\u200b"

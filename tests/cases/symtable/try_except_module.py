try:
    import foo
except ImportError as err:
    foo = None

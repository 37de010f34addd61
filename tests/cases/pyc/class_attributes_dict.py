class Config:
    """Settings holder."""
    defaults = {"debug": False}
    def __init__(self, **overrides):
        self.values = dict(self.defaults)
        self.values.update(overrides)
c = Config(debug=True, level=3)
print(c.values, Config.defaults, Config.__doc__, c.__dict__)
c.extra = 1
print(sorted(vars(c)), "extra" in c.__dict__)
del c.extra
print(hasattr(c, "extra"))
Config.shared = "new"
print(c.shared, Config.__name__, Config.__qualname__, Config.__module__)

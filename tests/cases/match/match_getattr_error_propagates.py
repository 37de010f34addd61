class P:
    __match_args__ = ("a",)
    @property
    def a(self): raise ValueError("boom")
match P():
    case P(1): pass

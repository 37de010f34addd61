raise ValueError(f'bad {x}') from exc
raise Error from None
raise (yield_value if c else other)
raise type(e)(*e.args).with_traceback(tb)

e = ValueError("with odd notes")
e.add_note("a proper note")
e.__notes__.append(42)
e.__notes__.append("last")
raise e

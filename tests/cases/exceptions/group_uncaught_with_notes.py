e = ExceptionGroup("with notes", [ValueError("v")])
e.add_note("group note")
e.exceptions[0].add_note("leaf note")
raise e

errors = [ValueError(i) for i in range(17)]
errors[0].add_note("note on the first")
group = ExceptionGroup("many", errors)
group.add_note("note on the group")
raise group

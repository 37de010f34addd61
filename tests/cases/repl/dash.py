# REPL-only case: -i - reads the program from stdin interactively (dash.in)

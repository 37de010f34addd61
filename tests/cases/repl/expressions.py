# REPL-only case: the interactive input is expressions.in (run with -q -i)

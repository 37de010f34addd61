# REPL-only case: the input ends inside brackets (eof_in_brackets.in)

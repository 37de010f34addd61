# REPL-only case: syntax errors print with carets and the loop goes on (syntax_errors.in)

# REPL-only case: errors chained, SyntaxError from compile(), name suggestions (error_kinds.in)

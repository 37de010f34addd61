# REPL-only case: unclosed brackets, backslashes and triple quotes continue (continuation.in)

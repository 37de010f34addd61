# REPL-only case: display and prompt failures (hook_errors.in)

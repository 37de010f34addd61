# REPL-only case: exit() with a status (exit_call.in)

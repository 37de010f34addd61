# REPL-only case: quit() without a status (quit_call.in)

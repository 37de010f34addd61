# REPL-only case: raise SystemExit(3) ends the session (system_exit.in)

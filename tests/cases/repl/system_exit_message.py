# REPL-only case: SystemExit with a message (system_exit_message.in)

# -i -c CODE: the command runs, then the interactive loop (after_command.in)

# REPL-only case: compound statements end at a blank line (blocks.in)

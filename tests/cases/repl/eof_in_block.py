# REPL-only case: input ends inside a block (eof_in_block.in)

# REPL-only case: match blocks, async def, lambdas, multi-line strings with blank lines (more_blocks.in)

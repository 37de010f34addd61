# REPL-only case: blank-looking lines, comments and indentation (whitespace_lines.in)

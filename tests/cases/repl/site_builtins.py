# REPL-only case: builtins from site (site_builtins.in)

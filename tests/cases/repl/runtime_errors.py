# REPL-only case: runtime errors print tracebacks naming <stdin> (runtime_errors.in)

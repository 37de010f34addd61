# REPL-only case: sys.ps1 and sys.ps2 are str() of any object (prompts.in)

# REPL-only case: sys.displayhook and sys.excepthook can be replaced (hooks.in)

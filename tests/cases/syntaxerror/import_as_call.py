import a as f()

import sys
f = sys.flags
print(f.optimize, f.dont_write_bytecode, f.ignore_environment, f.verbose, f.quiet, f.isolated, f.no_site)
print(type(f).__name__)

import sys
f = sys.flags
# dont_write_bytecode and inspect differ in the oracle's embedding; the others are the
# defaults of a plain `python3 FILE` run.
print(f.debug, f.interactive, f.optimize, f.no_user_site, f.ignore_environment, f.verbose,
      f.bytes_warning, f.quiet, f.hash_randomization, f.isolated, f.no_site)
print(f.dev_mode, f.utf8_mode, f.warn_default_encoding, f.safe_path, f.int_max_str_digits)
print(f.gil, f.thread_inherit_context, f.context_aware_warnings)
print(type(f).__name__, type(f).__module__, len(f), type(f).n_fields)
print(type(f).__match_args__[:4])
try:
    type(f)()
except TypeError as e:
    print("TypeError:", e)
try:
    f.debug = 1
except AttributeError as e:
    print("AttributeError:", e)

# The wait-status macros and waitstatus_to_exitcode.
import os

for status in [0, 256, 0x0500, 9, 15, 0x8b]:
    print(status, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status),
          os.WTERMSIG(status), os.WCOREDUMP(status), os.waitstatus_to_exitcode(status))
print(os.WIFEXITED(status=256), os.WEXITSTATUS(status=512))
for call in [lambda: os.waitstatus_to_exitcode(-1), lambda: os.WIFEXITED('a'),
             lambda: os.waitstatus_to_exitcode(2**40)]:
    try:
        call()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(os.WNOHANG, os.EX_OK, os.EX_USAGE, os.EX_SOFTWARE, os.EX_CONFIG)

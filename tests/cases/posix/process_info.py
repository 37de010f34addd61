# Process and system information: ids, uname, times, kill, sysconf, confstr.
import os

for name in ['getpid', 'getppid', 'getuid', 'getgid', 'getpgrp']:
    print(name, isinstance(getattr(os, name)(), int))
print(os.getpid() > 0, os.getppid() >= 0)
u = os.uname()
print(type(u).__name__, type(u).__module__, len(u), u.__match_args__)
print(all(isinstance(x, str) for x in u), u.sysname == u[0], u.machine == u[4])
print(os.uname_result.__doc__.splitlines()[0])
t = os.times()
print(type(t).__name__, len(t), t.__match_args__)
print(all(isinstance(x, float) for x in t), t.user == t[0], t.elapsed == t[4])
r = os.times_result((1.0, 2.0, 3.0, 4.0, 5.0))
print(r, r.children_system)
print(os.kill(os.getpid(), 0))
print(isinstance(os.sysconf('SC_PAGESIZE'), int), os.sysconf('SC_PAGESIZE') > 0)
print(os.sysconf('SC_PAGESIZE') == os.sysconf(os.sysconf_names['SC_PAGESIZE']))
print(isinstance(os.sysconf_names, dict), 'SC_CLK_TCK' in os.sysconf_names)
print('CS_PATH' in os.confstr_names)
for call in [lambda: os.sysconf('nonexistent'), lambda: os.sysconf(1.5),
             lambda: os.confstr('nonexistent'), lambda: os.kill(2**40, 0)]:
    try:
        call()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(os.cpu_count() is None or os.cpu_count() >= 1)
import errno
print(os.strerror(errno.ENOENT) == 'No such file or directory', os.strerror(errno.EEXIST))
print(type(os.error).__name__, os.error is OSError)
print(os.get_exec_path({'PATH': '/a:/b'}), os.get_exec_path({}) == os.defpath.split(os.pathsep))
print(os.path.expanduser('~x/y'), os.path.abspath('a/../b') == os.path.join(os.getcwd(), 'b'))
print(os.path.realpath('/tmp/./../tmp'))

# The environment: os.environ over posix.environ (bytes), putenv and unsetenv.
import os
import posix

print(type(posix.environ).__name__, all(isinstance(k, bytes) for k in posix.environ))
os.environ['PYRITE_TEST_VAR'] = 'value 1'
print(os.environ['PYRITE_TEST_VAR'], os.getenv('PYRITE_TEST_VAR'), os.environb[b'PYRITE_TEST_VAR'])
print('PYRITE_TEST_VAR' in os.environ, os.environ.get('PYRITE_MISSING', 'dflt'))
os.environb[b'PYRITE_TEST_B'] = b'bytes'
print(os.environ['PYRITE_TEST_B'])
del os.environ['PYRITE_TEST_VAR']
print('PYRITE_TEST_VAR' in os.environ, os.getenv('PYRITE_TEST_VAR'))
print(os.environ.pop('PYRITE_TEST_B'), b'PYRITE_TEST_B' in os.environb)
os.putenv('PYRITE_PUT', 'x')
os.unsetenv('PYRITE_PUT')
for call in [lambda: os.putenv('a=b', 'c'), lambda: os.putenv('a\0', 'c'),
             lambda: os.putenv(1, 'c'), lambda: os.environ.__setitem__('k', 1)]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for call in [lambda: os.putenv('', 'c'), lambda: os.unsetenv('a=b')]:
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.strerror)
try:
    os.environ['PYRITE_MISSING']
except KeyError as e:
    print('KeyError', e)
print(repr(os.environ)[:8])

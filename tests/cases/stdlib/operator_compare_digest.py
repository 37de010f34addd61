import operator, _operator
print(repr(_operator.__doc__))
print(operator.__doc__ == _operator.__doc__)
def t(*a):
    try:
        print(_operator._compare_digest(*a))
    except Exception as e:
        print(type(e).__name__, e)
t(b'abc', b'abc'); t(b'abc', b'abd'); t('abc', 'abc'); t('ab', 'abc'); t(bytearray(b'x'), b'x'); t('é', 'é'); t(1, 2); t('a', b'a')
import hmac, secrets
print(hmac.compare_digest(b'a', b'a'), len(secrets.token_hex(8)), len(secrets.token_bytes(5)))
print(hmac.new(b'key', b'msg', 'sha256').hexdigest() if False else '')

# hashlib over the built-in hash modules (_md5, _sha1, _sha2, _sha3, _blake2).
import _blake2
import _md5
import _sha1
import _sha2
import _sha3
import hashlib

print(sorted(hashlib.algorithms_guaranteed) == sorted(hashlib.algorithms_available))
data = [b"", b"abc", b"a" * 200, bytes(range(256)) * 5]
for name in sorted(hashlib.algorithms_guaranteed):
    for chunk in data:
        h = hashlib.new(name, chunk)
        if name.startswith("shake"):
            print(name, h.hexdigest(20), h.digest(3), h.digest_size, h.block_size)
        else:
            print(name, h.hexdigest(), h.digest_size, h.block_size, h.name)
# Feeding in pieces gives the digest of the whole; copies are independent.
for name in ["md5", "sha1", "sha256", "sha512", "sha3_256", "blake2b", "blake2s"]:
    whole = hashlib.new(name, b"hello world" * 30).hexdigest()
    h = hashlib.new(name)
    for i in range(30):
        h.update(b"hello ")
        h.update(memoryview(b"world"))
    c = h.copy()
    c.update(b"more")
    print(name, h.hexdigest() == whole, c.hexdigest() != whole, type(h) is type(c))

for t in [_md5.MD5Type, _sha1.SHA1Type, _sha2.SHA224Type, _sha2.SHA512Type, _sha3.sha3_224,
          _sha3.shake_128, _blake2.blake2b, _blake2.blake2s]:
    print(t, t.__name__, t.__module__, sorted(n for n in vars(t) if not n.startswith("__")))
print(_md5.md5, _sha1.sha1, _sha2.sha256, _md5._GIL_MINSIZE)
s = _sha3.shake_128(b"x")
print(s._capacity_bits, s._rate_bits, s._suffix, _sha3.sha3_384()._suffix, _sha3.sha3_512()._rate_bits)

B, S = _blake2.blake2b, _blake2.blake2s
for f in (B, S):
    for kw in [dict(digest_size=0), dict(digest_size=65), dict(key=b"x" * 65), dict(salt=b"x" * 17),
               dict(person=b"x" * 17), dict(fanout=-1), dict(fanout=256), dict(depth=0), dict(depth=256),
               dict(leaf_size=-1), dict(node_offset=-1), dict(node_offset=2**64), dict(node_offset=2**48),
               dict(node_depth=256), dict(inner_size=65), dict(inner_size=33), dict(digest_size=33),
               dict(key="x"), dict(salt=1), dict(fanout=1.5)]:
        try:
            print(f.__name__, kw, f(**kw).hexdigest()[:16])
        except Exception as e:
            print(f.__name__, kw, type(e).__name__, e)
    print(f.SALT_SIZE, f.PERSON_SIZE, f.MAX_KEY_SIZE, f.MAX_DIGEST_SIZE)
    h = f(b"abc", digest_size=16, key=b"key", salt=b"salt", person=b"me", fanout=2, depth=3,
          leaf_size=77, node_offset=5, node_depth=1, inner_size=7, last_node=True)
    print(h.hexdigest(), h.name, h.digest_size, h.block_size)
    print(f(b"a" * 1000, key=b"k" * 20).hexdigest())
    print(f(b"x" * (f.MAX_DIGEST_SIZE * 2), key=b"k" * f.MAX_KEY_SIZE).hexdigest())
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE)

for bad in [lambda: _sha2.sha256("str"), lambda: _sha2.sha256(1), lambda: _sha2.sha256(b"", string=b""),
            lambda: _sha2.sha256(data=b"a", string=b"b"), lambda: s.hexdigest(-1), lambda: s.digest(),
            lambda: _md5.md5(b"a", b"b"), lambda: _sha3.sha3_224(foo=1), lambda: B(b"a", b"b"),
            lambda: _md5.MD5Type(), lambda: _md5.md5().update("s"), lambda: _md5.md5().update(1),
            lambda: _md5.md5().digest(1), lambda: s.digest(2**70)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(_md5.md5(string=b"a").hexdigest(), _md5.md5(b"a", usedforsecurity=False).hexdigest(),
      _sha3.sha3_224(data=b"a").hexdigest())
print(hashlib.sha256(b"abc").hexdigest(), hashlib.file_digest.__name__)
print(repr(hashlib.md5())[:22])

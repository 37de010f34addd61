# Word-size facts that follow 64-bit CPython (the oracle is 32-bit): sys.hash_info,
# sys.maxsize and the numeric hashes built on the modulus 2**61 - 1.
import sys

h = sys.hash_info
print(h.width, h.modulus, h.inf, h.nan, h.imag, h.algorithm, h.hash_bits, h.seed_bits, h.cutoff)
print(sys.maxsize == 2**63 - 1, h.modulus == 2**61 - 1)
print(hash(2**61), hash(2**61 - 1), hash(-1), hash(2**64), hash(1.5), hash(-2.25), hash(10**30))
print(hash(float("inf")), hash(complex(1, 2)))
print(sys.int_info.bits_per_digit, sys.int_info.sizeof_digit)
print("ok")

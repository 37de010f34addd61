import sys
h = sys.hash_info
print(h.width, h.modulus == 2**61 - 1, h.inf, h.nan, h.imag, h.algorithm, h.hash_bits, h.seed_bits, h.cutoff)

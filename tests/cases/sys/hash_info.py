import sys
h = sys.hash_info
# width, modulus, algorithm and the bit counts follow 64-bit CPython (the oracle is
# 32-bit): tests/robustness/word_size_sys_info.py checks them against python3.
print(h.inf, h.nan, h.imag, h.cutoff, len(h), type(h.algorithm).__name__)
print(type(h).__name__, type(h).__match_args__)
print(h.width == h.hash_bits, h.modulus == 2 ** (h.hash_bits - 3) - 1 or h.modulus == 2**31 - 1)

import sys
f = sys.float_info
print(f.max, f.min, f.epsilon, f.dig, f.mant_dig, f.max_exp, f.min_exp, f.max_10_exp, f.min_10_exp, f.radix, f.rounds)
print(len(f))

import sys
i = sys.int_info
print(i.default_max_str_digits, i.str_digits_check_threshold)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits())
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(4300)

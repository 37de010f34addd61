from itertools import product, permutations, combinations, combinations_with_replacement
print(list(product("ab", range(2))), list(product([1, 2], repeat=2)), list(product()), list(product("ab", [])))
print(len(list(product(range(3), repeat=3))), list(product("x", "yz", repeat=2))[:3])
print(list(permutations("abc")), list(permutations(range(3), 2)), list(permutations([])), list(permutations("ab", 3)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 0)), list(combinations("ab", 5)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))), len(list(combinations_with_replacement(range(5), 3))))
for bad in (lambda: combinations("ab", -1), lambda: permutations("ab", -1), lambda: product("a", repeat=-1), lambda: combinations("ab"), lambda: permutations()):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(list(permutations("abc", r=None))[:2], list(combinations(iterable="abc", r=2)))

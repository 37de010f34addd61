from itertools import (accumulate, batched, chain, compress, dropwhile, filterfalse,
                       islice, pairwise, starmap, takewhile, zip_longest)

print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)))
print(list(accumulate([1, 2], initial=100)), list(accumulate([], initial=5)), list(accumulate("abc")))
print(list(accumulate([1, 2, 3], lambda a, b: a * 10 + b)), list(accumulate(iterable=[5, 5], func=None)))
print(list(batched("abcdefg", 3)), list(batched(range(4), 2)), list(batched([], 5)))
try:
    list(batched("abc", 2, strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    batched("abc", 0)
except ValueError as e:
    print("ValueError", e)
print(list(chain("ab", [1], (), range(2))), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), [0, 1] * 2)))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])), list(takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)))
print(list(islice(range(10), 1, 8, 3)), list(islice("ab", 5)), list(islice("abc", None)))
for bad in (lambda: islice("a", -1), lambda: islice("a", 0, 1, 0), lambda: islice("a", "x"), lambda: islice("a", 1, -2), lambda: islice("a")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
it = iter(range(10))
print(list(islice(it, 3)), next(it))
print(list(pairwise("abcd")), list(pairwise("a")), list(pairwise([])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: sum(a), [(), (1,), (1, 2)])))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest("ab", range(3))), list(zip_longest()))

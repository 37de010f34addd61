"""Pi digits: the decimal digits of pi from an unbounded spigot. The state is a linear
fractional transformation held as three big integers; each step either composes in the
next term of the series pi = sum (k! / (2k+1)!!) * 2, or, when the next digit no longer
depends on the rest of the series, emits that digit and scales it out.

Measures arbitrary-precision integer multiplication, addition and floor division on
numbers of thousands of digits. Size: the number of digits."""

import sys


def pi_digits(count):
    numerator, accumulator, denominator = 1, 0, 1
    k = 0
    produced = 0
    while produced < count:
        k += 1
        # Compose with the k-th term: x -> (k*x + (4k+2)) / (2k+1).
        odd = 2 * k + 1
        accumulator = (2 * numerator + accumulator) * odd
        numerator *= k
        denominator *= odd
        if numerator > accumulator:
            continue
        digit, remainder = divmod(numerator * 3 + accumulator, denominator)
        # The digit is safe when x = 4 gives the same floor as x = 3.
        if remainder + numerator >= denominator:
            continue
        yield digit
        produced += 1
        accumulator = (accumulator - denominator * digit) * 10
        numerator *= 10


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    digits = list(pi_digits(count))
    text = "".join(map(str, digits))
    print(f"pidigits {count}: {text[:12]}...{text[-12:]} digit sum {sum(digits)}")


main()

"""Regex: generated log-like text (words, e-mail addresses, dates, times, numbers,
hexadecimal ids, quoted strings) is searched with compiled regular expressions: findall,
finditer with named groups, sub with a template and with a function, split, fullmatch,
case-insensitive and multi-line patterns, alternation and backtracking.

Measures the re module's matcher (CPython's _sre) and the str/list work around it. The text is searched
three times. Size: the number of generated lines."""

import re
import sys

WORDS = ["error", "warning", "info", "debug", "request", "response", "user", "session",
         "timeout", "retry", "cache", "miss", "hit", "Disk", "NETWORK", "queue", "flush"]
DOMAINS = ["example.org", "mail.test", "corp.example.com", "uni.edu"]


def generate(lines):
    state = 42

    def next_int(bound):
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return (state >> 33) % bound

    out = []
    for i in range(lines):
        parts = [f"2024-{next_int(12) + 1:02d}-{next_int(28) + 1:02d}",
                 f"{next_int(24):02d}:{next_int(60):02d}:{next_int(60):02d}",
                 WORDS[next_int(len(WORDS))].upper() if i % 3 == 0 else WORDS[next_int(len(WORDS))]]
        for _ in range(next_int(8) + 2):
            kind = next_int(6)
            if kind == 0:
                parts.append(f"{WORDS[next_int(len(WORDS))]}.{next_int(100)}@{DOMAINS[next_int(len(DOMAINS))]}")
            elif kind == 1:
                parts.append(f"id=0x{next_int(1 << 32):08x}")
            elif kind == 2:
                parts.append(f'"{WORDS[next_int(len(WORDS))]} {WORDS[next_int(len(WORDS))]}"')
            elif kind == 3:
                parts.append(f"{next_int(100000) / 100:.2f}ms")
            else:
                parts.append(WORDS[next_int(len(WORDS))] + ("," if next_int(4) == 0 else ""))
        out.append(" ".join(parts))
    return "\n".join(out)


EMAIL = re.compile(r"\b([a-z]+)\.(\d+)@((?:[a-z]+\.)+[a-z]{2,})\b")
DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)")
LINE_START = re.compile(r"^\S+ (\d\d):\d\d:\d\d (error|warning)\b", re.MULTILINE | re.IGNORECASE)
HEX_ID = re.compile(r"id=0x([0-9a-f]{8})")
QUOTED = re.compile(r'"([^"]*)"')
DURATION = re.compile(r"(\d+)\.(\d+)ms")
SEPARATORS = re.compile(r"[\s,]+")
BACKTRACK = re.compile(r"(\w+)\s+(?:\w+\s+)*?\1\b")


def analyze(text):
    results = []
    emails = EMAIL.findall(text)
    results.append(len(emails))
    results.append(len({domain for _, _, domain in emails}))
    months = [0] * 13
    for match in DATE.finditer(text):
        months[int(match.group("month"))] += 1
    results.append(max(months))
    results.append(len(LINE_START.findall(text)))
    results.append(sum(int(h, 16) % 1000 for h in HEX_ID.findall(text)))
    swapped = QUOTED.sub(lambda m: "'" + " ".join(reversed(m.group(1).split())) + "'", text)
    results.append(swapped.count("'"))
    european = DATE.sub(r"\g<day>/\g<month>/\g<year>", text)
    results.append(len(european))
    results.append(sum(int(whole) for whole, _ in DURATION.findall(text)))
    results.append(len(SEPARATORS.split(text)))
    repeats = 0
    for line in text.splitlines():
        if BACKTRACK.search(line):
            repeats += 1
        if re.fullmatch(r"[\w\s.:@=\-\",']+", line) is None:
            repeats += 1000
    results.append(repeats)
    return results


def main():
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    text = generate(lines)
    # The text is generated once and searched several times, so that matching dominates.
    results = analyze(text)
    for _ in range(2):
        if analyze(text) != results:
            raise AssertionError("regex results changed between passes")
    print(f"regex {lines}: {' '.join(map(str, results))}")


main()

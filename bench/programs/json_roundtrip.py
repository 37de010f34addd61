"""JSON: documents of nested objects, arrays, strings (with escapes and non-ASCII text),
integers, floats, booleans and nulls are encoded with json.dumps (compact, indented with
sorted keys, ASCII-escaped) and decoded again with json.loads; each round trip must give
back an equal document.

Measures the json module (CPython uses its C accelerator; a pure-Python one shows up
here), string building and escaping, dict and list construction. Named json_roundtrip
so that the program does not shadow the json module. Size: the number of round trips."""

import json
import sys


def make_document(seed):
    state = seed

    def next_int(bound):
        nonlocal state
        state = (state * 1103515245 + 12345) % 2147483648
        return state % bound

    words = ["alpha", "beta", "gamma", "delta", "épsilon", "ζeta", "\"quoted\"", "tab\there",
             "line\nbreak", "back\\slash", "emoji \U0001f600", "日本語"]
    records = []
    for i in range(40):
        records.append({
            "id": i,
            "name": words[next_int(len(words))] + str(next_int(1000)),
            "score": next_int(100000) / 128.0,
            "ratio": next_int(1000) / 7.0,
            "active": next_int(2) == 1,
            "parent": None if i % 5 == 0 else i // 5,
            "tags": [words[next_int(len(words))] for _ in range(next_int(5))],
            "position": {"x": next_int(1000) - 500, "y": next_int(1000) - 500,
                         "z": [next_int(10) for _ in range(3)]},
        })
    return {"version": 3, "seed": seed, "title": "benchmark document", "records": records,
            "totals": {"count": len(records), "big": 2 ** 70, "negative": -12345678901234}}


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    documents = [make_document(seed) for seed in range(8)]
    sizes = 0
    for r in range(rounds):
        document = documents[r % len(documents)]
        compact = json.dumps(document, separators=(",", ":"), ensure_ascii=False)
        pretty = json.dumps(document, indent=2, sort_keys=True)
        escaped = json.dumps(document)
        for text in (compact, pretty, escaped):
            if json.loads(text) != document:
                raise AssertionError(f"round trip {r} changed the document")
        sizes += len(compact) + len(pretty) + len(escaped)
    print(f"json_roundtrip {rounds}: {sizes} characters; sample {json.dumps(documents[1]['records'][3])}")


main()

import json
def make_document(seed):
    state = seed
    def next_int(bound):
        nonlocal state
        state = (state * 1103515245 + 12345) % 2147483648
        return state % bound
    words = ["alpha", "\u00e9psilon", "\u03b6eta", "\"quoted\"", "tab\there", "line\nbreak",
             "back\\slash", "emoji \U0001f600", "\u65e5\u672c\u8a9e", "\ud800lone"]
    records = []
    for i in range(20):
        records.append({
            "id": i,
            "name": words[next_int(len(words))] + str(next_int(1000)),
            "score": next_int(100000) / 128.0,
            "ratio": next_int(1000) / 7.0,
            "active": next_int(2) == 1,
            "parent": None if i % 5 == 0 else i // 5,
            "tags": [words[next_int(len(words))] for _ in range(next_int(5))],
        })
    return {"version": 3, "seed": seed, "records": records, "big": 2 ** 70, "neg": -12345678901234}
for seed in range(4):
    doc = make_document(seed)
    for kw in ({}, {"ensure_ascii": False}, {"indent": 2, "sort_keys": True},
               {"separators": (",", ":")}, {"indent": "\t"}):
        text = json.dumps(doc, **kw)
        assert json.loads(text) == doc, (seed, kw)
        print(seed, kw, len(text), hash(text) == hash(json.dumps(doc, **kw)))
print(json.dumps(make_document(1)["records"][3]))
print(ascii(json.dumps(make_document(2)["records"][:2], ensure_ascii=False, indent=1)))

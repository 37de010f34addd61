match = 1
case = 2
_ = 3
type = 4
match.x = 5
match[0] = 6
match(a)
case(b)
print(match, case, _, type)
def match(case, type): return case
match: int = 1

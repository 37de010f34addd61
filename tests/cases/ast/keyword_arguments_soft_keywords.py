f(match=1, case=2, type=3, _=4)
x.match = x.case = x.type = x._ = 0
print(match.case.type)

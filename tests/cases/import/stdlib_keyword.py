import keyword
print(keyword.iskeyword("for"), keyword.iskeyword("x"), keyword.kwlist[:3], keyword.softkwlist)

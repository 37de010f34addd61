a = '\n\t\r\\\'\"\a\b\f\v\0'
b = '\x41\x7e\u00e9\u20ac\U0001F600\N{BULLET}\N{LATIN SMALL LETTER E WITH ACUTE}'
c = '\101\7\77\1'
d = 'line\
continued'
e = "\'"
f = '\"'
g = r'\n\x41'
h = '\\'

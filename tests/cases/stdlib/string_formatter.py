import string, _string
print(string.Formatter().format("{0}-{x!r:>5}", 1, x="a"))
print(string.ascii_letters[:5], string.digits, string.capwords("hello   world"))
print(list(_string.formatter_parser("a{0!r:>5}b{{c}}{x.y[1]}")))
first, rest = _string.formatter_field_name_split("a.b[0][k]")
print(first, list(rest))
print(_string.formatter_field_name_split("3")[0] + 1)
for bad in ["{", "}", "{0!}", "{0!r x}"]:
    try:
        list(_string.formatter_parser(bad))
    except ValueError as e:
        print("ValueError", e)
class F(string.Formatter):
    def convert_field(self, value, conversion):
        return str(value).upper() if conversion == "u" else super().convert_field(value, conversion)
print(F().format("{0!u} {1}", "abc", 2))

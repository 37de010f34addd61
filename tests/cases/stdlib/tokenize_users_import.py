import linecache, tokenize
print(tokenize.tok_name[tokenize.OP], tokenize.EXACT_TOKEN_TYPES['->'])
print(tokenize.TokenError.__mro__[1].__name__)
print(tokenize.generate_tokens.__name__, tokenize.detect_encoding.__name__)
print(linecache.getline(__file__, 2).strip())

# The pure-Python modules that sit on _io and _codecs import.
import io, codecs, encodings, json, linecache
print(io.open is open, io.TextIOWrapper.__module__, io.IOBase.__module__)
print(sorted(n for n in ['DEFAULT_BUFFER_SIZE', 'SEEK_SET', 'StringIO', 'open_code'] if hasattr(io, n)))
print(io.text_encoding(None), io.text_encoding('ascii'))

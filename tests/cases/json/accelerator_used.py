# The C accelerator (_json) is what json uses.
import json, json.decoder, json.scanner, json.encoder
import _json
print(json.decoder.c_scanstring is not None)
print(json.scanner.c_make_scanner is not None)
print(json.encoder.c_make_encoder is not None)
print(json.decoder.scanstring is _json.scanstring)
print(json.encoder.encode_basestring_ascii is _json.encode_basestring_ascii)
print(json.encoder.encode_basestring is _json.encode_basestring)
print(json.scanner.make_scanner is _json.make_scanner)
print(_json.make_scanner, _json.make_encoder, _json.make_scanner.__name__, _json.make_encoder.__module__)
print(_json.__doc__)
print(sorted(k for k in dir(_json) if not k.startswith('__')))
print(type(json.JSONDecoder().scan_once).__name__)
print([k for k in dir(_json.make_encoder) if not k.startswith('__')])
print([k for k in dir(_json.make_scanner) if not k.startswith('__')])
print(_json.make_scanner.__doc__)
print(_json.make_encoder.__doc__)
for base in (_json.make_scanner, _json.make_encoder):
    try:
        class Sub(base):
            pass
    except TypeError as e:
        print(e)

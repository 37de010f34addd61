import binascii, quopri
cases = [b'', b'hello', b'h\xe9llo=', b'a b\tc', b'trailing \n', b'tab\t\r\nnext', b'.\n', b'x.\n', b'_under_ score',
         b'a' * 100, b'b' * 75 + b'\n' + b'c' * 80, b'\x00\x01\x7f\x80', b'line1\r\nline2 \r\n', b'end ', b'=' * 30, b'a\rb\nc']
for data in cases:
    for kw in [{}, {'quotetabs': True}, {'istext': False}, {'header': True}]:
        enc = binascii.b2a_qp(data, **kw)
        print(kw, enc, binascii.a2b_qp(enc, header=kw.get('header', False)) == data)
for enc in [b'=41=42', b'=4', b'=', b'=zz', b'==', b'soft=\nbreak', b'soft=\r\nbreak', b'a_b', b'=4a=4A', 'ascii=41']:
    print(enc, binascii.a2b_qp(enc), binascii.a2b_qp(enc, header=True))
print(quopri.encodestring(b'caf\xe9 = ok\n'), quopri.decodestring(b'caf=E9 =3D ok'))
print(sorted(n for n in dir(binascii) if not n.startswith('__')))

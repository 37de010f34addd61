x	=	1
y = [1,	2,	3]
if	x:
    z	= 'a	b'

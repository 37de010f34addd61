x=1+2*3-4/5%6//7**8
y=a<<b>>c&d|e^f
z=a<b<=c>d>=e==f!=g
w=-a+~b
v=a@b
u=(a)if(b)else(c)

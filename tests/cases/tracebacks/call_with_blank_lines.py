def g(a, b):
    return a[b]


g(

    {},

    "k",

)

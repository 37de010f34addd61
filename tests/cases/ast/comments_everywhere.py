# leading comment
x = 1  # trailing comment
# between
def f(a,  # after param
      b):  # after colon
    # inside body
    return (a +  # inside parens
            b)  # end
    # after return
class C:  # class comment
    pass
    # dangling
d = {  # dict
    'a': 1,  # item
}  # closing
#final comment without newline
result = (obj
    .method_one()
    .method_two(arg)
    .attr
    [0])

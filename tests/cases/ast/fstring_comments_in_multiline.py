x = f'''{
    a  # the value
}'''
y = f"""{
    b # another
    !r
}"""

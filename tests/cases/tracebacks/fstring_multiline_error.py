name = None
message = f"""
hello {
    name.title()
}
"""

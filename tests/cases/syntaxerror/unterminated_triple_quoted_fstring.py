x = f'''abc {y}
more

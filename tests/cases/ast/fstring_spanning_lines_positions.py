x = 1
y = (f'start {x}'
     f'''middle
{y}
end''' f"tail {z!r:>{w}}")

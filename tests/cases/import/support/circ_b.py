import circ_a
value = "circular ok"
try:
    from circ_a import done
except ImportError as e:
    print(e.args[0].split(" (")[0])

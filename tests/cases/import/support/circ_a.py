import circ_b
done = circ_b.value

import dis
print(dis.opname[1])

async def job():
    return 1


def start():
    job()
    print("created and dropped")


start()
c = job()
del c
c = job()
c.close()
del c
print("end")

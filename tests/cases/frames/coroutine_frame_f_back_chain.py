import sys

class Pause:
    def __await__(self):
        yield "paused"

def chain(fr):
    names = []
    while fr is not None:
        names.append(fr.f_code.co_name)
        fr = fr.f_back
    return names

async def leaf():
    print("leaf running:", chain(sys._getframe()))
    await Pause()
    return "leaf done"

async def middle():
    return await leaf()

def driver():
    c = middle()
    c.send(None)
    print("suspended middle f_back:", c.cr_frame.f_back)
    print("awaited:", c.cr_await.cr_frame.f_code.co_name, c.cr_await.cr_frame.f_back)
    try:
        c.send(None)
    except StopIteration as e:
        print(e.value)

driver()

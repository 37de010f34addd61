import dis
def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        total += i
    while total > 10:
        total -= 3
    return total
def handlers(x):
    try:
        return 1 / x
    except ZeroDivisionError as e:
        return str(e)
    finally:
        print('done')
def closures(a):
    b = [a * i for i in range(3)]
    def inner():
        nonlocal a
        a += 1
        return a, b
    return inner
class K:
    def method(self, *args, **kw):
        return super().method(*args, **kw)
async def coro(x):
    async with x as y:
        await y
    return [z async for z in x]
def gen():
    yield from range(3)
    x = yield 1
    return x
for f in (loops, handlers, closures, K.method, coro, gen):
    dis.dis(f)
    print('-' * 20)
dis.dis(compile("x = {'a': 1, **y}; del x[0]; t = f'{x!r:>{w}}'", "<s>", "exec"))
print(dis.code_info(closures))
for ins in dis.get_instructions(handlers):
    print(ins.opname, ins.arg, ins.argrepr, ins.offset, ins.starts_line, ins.is_jump_target, ins.positions.lineno if ins.positions else None)
print(list(dis.findlinestarts(loops.__code__)))
print(dis.Bytecode(gen).dis())
dis.dis(loops, show_caches=True)
dis.show_code(gen)

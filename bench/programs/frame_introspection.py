"""Frame introspection: a loop whose body asks for its own frame object and reads
through it, as debuggers, loggers and test helpers do: sys._getframe().f_locals[name]
(a FrameLocalsProxy in 3.13 and later), the caller's frame via f_back, and its code's
co_name, plus f_lineno and the depth of the frame chain.

Measures how cheaply the interpreter materializes frame objects for frames that did not
have one, and the locals view over them. Size: the number of loop iterations."""

import sys


def local_value(name):
    return sys._getframe(1).f_locals[name]


def caller_name():
    return sys._getframe().f_back.f_code.co_name


def stack_depth():
    depth = 0
    frame = sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


def inner_loop(rounds):
    total = 0
    names = 0
    lines = 0
    for i in range(rounds):
        counter = i * 2
        total += sys._getframe().f_locals["counter"]
        total -= local_value("i")
        if caller_name() == "inner_loop":
            names += 1
        lines += sys._getframe().f_lineno
        if i % 100 == 0:
            total += stack_depth()
    return total, names, lines


def outer(rounds):
    return inner_loop(rounds)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    total, names, lines = outer(rounds)
    print(f"frame_introspection {rounds}: total {total}, caller names {names}, line sum {lines}")


main()

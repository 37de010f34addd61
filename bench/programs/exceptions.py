"""Exceptions: raising and catching in loops. A small exception hierarchy is raised from
nested calls (so tracebacks grow through several frames), caught by class, by tuple and
by base class; also chaining with `raise ... from`, re-raising, try/finally, a context
manager that suppresses, exceptions raised by built-in operations (KeyError, ZeroDivision,
ValueError from int()), and exception groups caught with except*.

Measures exception creation, unwinding, handler matching, traceback objects and
exception-table lookups. Size: the number of loop iterations."""

import sys


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key


class Invalid(AppError):
    pass


def level3(i):
    if i % 3 == 0:
        raise NotFound(i)
    if i % 3 == 1:
        raise Invalid(i)
    return i


def level2(i):
    return level3(i) + 1


def level1(i):
    try:
        return level2(i)
    finally:
        pass


class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.suppressed = 0

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        if kind is not None and issubclass(kind, self.kinds):
            self.suppressed += 1
            return True
        return False


def depth_of(traceback):
    depth = 0
    while traceback is not None:
        depth += 1
        traceback = traceback.tb_next
    return depth


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 60_000
    counts = {"not_found": 0, "invalid": 0, "ok": 0, "chained": 0, "builtin": 0, "group": 0}
    depth_total = 0
    suppress = Suppress(KeyError, ZeroDivisionError)
    table = {i: i for i in range(0, 100, 2)}
    for i in range(rounds):
        try:
            level1(i)
            counts["ok"] += 1
        except NotFound as error:
            counts["not_found"] += error.key % 2
            depth_total += depth_of(error.__traceback__)
        except (Invalid, TypeError):
            counts["invalid"] += 1
        try:
            try:
                level3(i)
            except AppError as error:
                raise RuntimeError("wrapped") from error
        except RuntimeError as error:
            if isinstance(error.__cause__, NotFound):
                counts["chained"] += 1
        with suppress:
            table[i % 100]
        with suppress:
            i // (i % 4)
        try:
            int("x" if i % 5 == 0 else "5")
        except ValueError:
            counts["builtin"] += 1
        if i % 10 == 0:
            try:
                raise ExceptionGroup("batch", [Invalid(i), NotFound(i)])
            except* NotFound:
                counts["group"] += 1
            except* Invalid:
                counts["group"] += 1
    summary = ", ".join(f"{name} {count}" for name, count in counts.items())
    print(f"exceptions {rounds}: {summary}, suppressed {suppress.suppressed}, depth {depth_total}")


main()

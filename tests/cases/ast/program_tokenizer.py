"""A tiny arithmetic tokenizer and evaluator."""
import re
from dataclasses import dataclass
from typing import Iterator

TOKEN_RE = re.compile(r"\s*(?:(\d+\.?\d*)|(.))")


@dataclass(frozen=True)
class Token:
    kind: str
    value: str
    pos: int = 0


def tokenize(text: str) -> Iterator[Token]:
    for m in TOKEN_RE.finditer(text):
        number, op = m.groups()
        if number:
            yield Token("num", number, m.start(1))
        elif op:
            yield Token("op", op, m.start(2))
    yield Token("eof", "", len(text))


class Parser:
    def __init__(self, text):
        self.tokens = list(tokenize(text))
        self.i = 0

    def peek(self):
        return self.tokens[self.i]

    def next(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expr(self):
        value = self.term()
        while (tok := self.peek()).kind == "op" and tok.value in "+-":
            self.next()
            rhs = self.term()
            value = value + rhs if tok.value == "+" else value - rhs
        return value

    def term(self):
        value = self.factor()
        while self.peek().value in ("*", "/"):
            op = self.next().value
            rhs = self.factor()
            if op == "*":
                value *= rhs
            else:
                try:
                    value /= rhs
                except ZeroDivisionError as exc:
                    raise ValueError(f"division by zero at {self.peek().pos}") from exc
        return value

    def factor(self):
        tok = self.next()
        match tok:
            case Token(kind="num", value=v):
                return float(v) if "." in v else int(v)
            case Token(kind="op", value="("):
                v = self.expr()
                assert self.next().value == ")", "expected )"
                return v
            case Token(kind="op", value="-"):
                return -self.factor()
            case _:
                raise SyntaxError(f"unexpected {tok.value!r}")


if __name__ == "__main__":
    for src in ["1 + 2 * 3", "(1 + 2) * 3", "-4 / 2"]:
        print(f"{src:>12} = {Parser(src).expr()}")

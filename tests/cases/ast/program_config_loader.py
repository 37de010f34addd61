#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Load a small INI-like configuration with typed sections."""
import os, sys
from pathlib import Path
from typing import Any, TypedDict, NamedTuple, Protocol, overload


class Server(TypedDict, total=False):
    host: str
    port: int


class Entry(NamedTuple):
    section: str
    key: str
    value: Any
    line: int = 0


class Source(Protocol):
    def read_text(self, encoding: str = ...) -> str: ...


CONVERTERS = {
    "int": int,
    "float": float,
    "bool": lambda s: s.lower() in {"1", "yes", "true", "on"},
    "list": lambda s: [p.strip() for p in s.split(",") if p.strip()],
}


@overload
def convert(value: str, kind: None = None) -> str: ...
@overload
def convert(value: str, kind: str) -> Any: ...
def convert(value, kind=None):
    return CONVERTERS.get(kind, str)(value) if kind else value


def parse(text: str) -> list[Entry]:
    entries, section = [], "DEFAULT"
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip() or section
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"line {lineno}: expected key = value, got {raw!r}")
        key, _, kind = key.strip().partition(":")
        entries.append(Entry(section, key, convert(value.strip(), kind or None), lineno))
    return entries


def load(path: str | os.PathLike[str] | Source = "app.ini") -> dict[str, dict[str, Any]]:
    src = path if hasattr(path, "read_text") else Path(path)
    try:
        text = src.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = "[server]\nhost = localhost\nport:int = 8080\ndebug:bool = yes\n"
    config: dict[str, dict[str, Any]] = {}
    for e in parse(text):
        config.setdefault(e.section, {})[e.key] = e.value
    return config


if __name__ == "__main__":
    cfg = load(sys.argv[1] if len(sys.argv) > 1 else "app.ini")
    server: Server = {"host": cfg["server"]["host"], "port": cfg["server"]["port"]}
    print(server, cfg["server"].get("debug", False))

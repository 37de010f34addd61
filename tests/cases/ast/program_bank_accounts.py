from __future__ import annotations

import enum
import functools
from decimal import Decimal


class Kind(enum.Enum):
    CHECKING = enum.auto()
    SAVINGS = enum.auto()


class InsufficientFunds(Exception):
    def __init__(self, needed: Decimal, available: Decimal) -> None:
        super().__init__(f"needed {needed}, have {available}")
        self.needed, self.available = needed, available


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        print(f"{func.__name__}({', '.join(map(repr, args[1:]))}) -> {result!r}")
        return result
    return wrapper


class Account:
    _next_id = 1

    def __init__(self, owner: str, kind: Kind = Kind.CHECKING, balance: Decimal = Decimal("0")):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.kind = kind
        self._balance = balance
        self.history: list[tuple[str, Decimal]] = []

    @property
    def balance(self) -> Decimal:
        return self._balance

    @logged
    def deposit(self, amount: Decimal) -> Decimal:
        if amount <= 0:
            raise ValueError("amount must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self._balance

    @logged
    def withdraw(self, amount: Decimal) -> Decimal:
        if amount > self._balance:
            raise InsufficientFunds(amount, self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self._balance

    def __repr__(self) -> str:
        return f"<Account #{self.id} {self.owner!r} {self.kind.name.lower()} {self._balance:.2f}>"


def transfer(src: Account, dst: Account, amount: Decimal) -> bool:
    try:
        src.withdraw(amount)
    except InsufficientFunds as e:
        print("failed:", e)
        return False
    else:
        dst.deposit(amount)
        return True
    finally:
        print("transfer attempted")


accounts = [Account(name) for name in ("ann", "bob")]
accounts[0].deposit(Decimal("100.50"))
transfer(*accounts, Decimal("20"))
print(sorted(accounts, key=lambda a: (-a.balance, a.owner)))

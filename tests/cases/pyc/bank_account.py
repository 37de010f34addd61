class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount - self.balance)
        self.balance -= amount
        self.history.append(("withdraw", amount))
acct = Account("ann", 100)
acct.deposit(50)
for amount in [30, 500]:
    try:
        acct.withdraw(amount)
    except InsufficientFunds as e:
        print("failed:", e, e.needed)
try:
    acct.deposit(-1)
except ValueError as e:
    print("failed:", e)
print(acct.balance, acct.history)

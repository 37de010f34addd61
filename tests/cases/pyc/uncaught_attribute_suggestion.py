class Account:
    def __init__(self):
        self.balance = 10
    def deposit(self, amount):
        self.balance += amount
acct = Account()
try:
    acct.deposti(5)
except AttributeError as e:
    print("caught:", e)
items = []
try:
    items.apend(1)
except AttributeError as e:
    print("caught:", e)
print(acct.balanse)

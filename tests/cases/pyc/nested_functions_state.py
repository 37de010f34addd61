def make_bank():
    accounts = {}
    def open_account(name):
        accounts[name] = 0
        def deposit(amount):
            accounts[name] += amount
            return accounts[name]
        return deposit
    def report():
        return dict(accounts)
    return open_account, report
open_account, report = make_bank()
alice = open_account("alice")
bob = open_account("bob")
alice(10); bob(5); alice(7)
print(report())

import numbers, datetime
print(isinstance(3, numbers.Integral), isinstance(2.5, numbers.Real), isinstance("x", numbers.Number))
d = datetime.date(2024, 2, 29)
print(d, d + datetime.timedelta(days=1), d.weekday(), datetime.timedelta(hours=25))

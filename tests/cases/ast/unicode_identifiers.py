café = 1
naïve = café + 1
π = 3.14159
Σ = sum
变量 = "chinese"
переменная = 'russian'
ŝ = π * 2
def функция(параметр):
    return параметр
class Ñandú:
    ñ = 1
x = Ñandú.ñ + len(变量)
ﬁle = 1

def fünction(ñ):
    µ = ñ
    return µ

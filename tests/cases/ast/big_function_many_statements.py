def big(x):
    v0 = x + 0
    if v0 > 0:
        x -= v0
    v1 = x + 1
    if v1 > 3:
        x -= v1
    v2 = x + 2
    if v2 > 6:
        x -= v2
    v3 = x + 3
    if v3 > 9:
        x -= v3
    v4 = x + 4
    if v4 > 12:
        x -= v4
    v5 = x + 5
    if v5 > 15:
        x -= v5
    v6 = x + 6
    if v6 > 18:
        x -= v6
    v7 = x + 7
    if v7 > 21:
        x -= v7
    v8 = x + 8
    if v8 > 24:
        x -= v8
    v9 = x + 9
    if v9 > 27:
        x -= v9
    v10 = x + 10
    if v10 > 30:
        x -= v10
    v11 = x + 11
    if v11 > 33:
        x -= v11
    v12 = x + 12
    if v12 > 36:
        x -= v12
    v13 = x + 13
    if v13 > 39:
        x -= v13
    v14 = x + 14
    if v14 > 42:
        x -= v14
    v15 = x + 15
    if v15 > 45:
        x -= v15
    v16 = x + 16
    if v16 > 48:
        x -= v16
    v17 = x + 17
    if v17 > 51:
        x -= v17
    v18 = x + 18
    if v18 > 54:
        x -= v18
    v19 = x + 19
    if v19 > 57:
        x -= v19
    v20 = x + 20
    if v20 > 60:
        x -= v20
    v21 = x + 21
    if v21 > 63:
        x -= v21
    v22 = x + 22
    if v22 > 66:
        x -= v22
    v23 = x + 23
    if v23 > 69:
        x -= v23
    v24 = x + 24
    if v24 > 72:
        x -= v24
    v25 = x + 25
    if v25 > 75:
        x -= v25
    v26 = x + 26
    if v26 > 78:
        x -= v26
    v27 = x + 27
    if v27 > 81:
        x -= v27
    v28 = x + 28
    if v28 > 84:
        x -= v28
    v29 = x + 29
    if v29 > 87:
        x -= v29
    v30 = x + 30
    if v30 > 90:
        x -= v30
    v31 = x + 31
    if v31 > 93:
        x -= v31
    v32 = x + 32
    if v32 > 96:
        x -= v32
    v33 = x + 33
    if v33 > 99:
        x -= v33
    v34 = x + 34
    if v34 > 102:
        x -= v34
    v35 = x + 35
    if v35 > 105:
        x -= v35
    v36 = x + 36
    if v36 > 108:
        x -= v36
    v37 = x + 37
    if v37 > 111:
        x -= v37
    v38 = x + 38
    if v38 > 114:
        x -= v38
    v39 = x + 39
    if v39 > 117:
        x -= v39
    return x

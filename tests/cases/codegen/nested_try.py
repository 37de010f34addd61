try:
    try:
        f()
    except A:
        g()
except B as b:
    try:
        h()
    finally:
        i()

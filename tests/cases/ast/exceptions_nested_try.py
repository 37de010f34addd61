try:
    try:
        pass
    except A:
        try:
            pass
        finally:
            pass
    else:
        pass
except (B, C) as e:
    try:
        raise
    except* D:
        pass
finally:
    try:
        pass
    except:
        pass

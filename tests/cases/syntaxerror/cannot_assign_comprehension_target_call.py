y = {k for f(k) in z}

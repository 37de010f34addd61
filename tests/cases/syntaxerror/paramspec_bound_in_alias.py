type A[**P: X] = int

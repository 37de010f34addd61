class A(B, C, metaclass=M, **extra): pass
class D(*mixins, E, flag=True): pass
class F(G[int], H[str, ...]): pass
class I(J.K.L): pass
class M(n()): pass

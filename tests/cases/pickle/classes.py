import copyreg
import pickle


class WithState:
    def __init__(self):
        self.kept = [1, 2]
        self.cache = {'drop': True}

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['cache']
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = {}


class NewArgs(int):
    def __new__(cls, value, label):
        self = super().__new__(cls, value)
        self.label = label
        return self

    def __getnewargs__(self):
        return (int(self), self.label)


class KwNewArgs:
    def __new__(cls, *, size):
        self = super().__new__(cls)
        self.size = size
        return self

    def __getnewargs_ex__(self):
        return ((), {'size': self.size})


class Slots:
    __slots__ = ('a', 'b', '__dict__')


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None


class Custom:
    def __init__(self, value):
        self.value = value


def reduce_custom(obj):
    return (Custom, (obj.value * 10,))


copyreg.pickle(Custom, reduce_custom)

for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    w = pickle.loads(pickle.dumps(WithState(), protocol))
    print(protocol, w.kept, w.cache)
    if protocol >= 2:
        n = pickle.loads(pickle.dumps(NewArgs(5, 'five'), protocol))
        print(protocol, n, n.label, type(n).__name__)
        s = Slots()
        s.a = 1
        s.extra = 'x'
        back = pickle.loads(pickle.dumps(s, protocol))
        print(protocol, back.a, hasattr(back, 'b'), back.extra)
    if protocol >= 4:
        k = pickle.loads(pickle.dumps(KwNewArgs(size=3), protocol))
        print(protocol, k.size)
    root = Node('root')
    child = Node('child')
    child.parent = root
    root.children.append(child)
    back = pickle.loads(pickle.dumps(root, protocol))
    print(protocol, back.children[0].parent is back, back.children[0].name)
    print(protocol, pickle.loads(pickle.dumps(Custom(4), protocol)).value)
    t = ([],)
    t[0].append(t)
    back = pickle.loads(pickle.dumps(t, protocol))
    print(protocol, back[0][0] is back)

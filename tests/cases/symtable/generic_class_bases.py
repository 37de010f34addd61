class Mapping[K, V](Base[K], metaclass=Meta):
    item: V

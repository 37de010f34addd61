config = {
    'name': 'pyrite',
    **defaults,
    'version': (3,
                14),
}

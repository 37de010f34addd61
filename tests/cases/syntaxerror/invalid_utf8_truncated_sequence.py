name = 'â‚'

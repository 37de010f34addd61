from a import class

class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0
    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def __iter__(self):
        node = self.head
        items = []
        while node:
            items.append(node.value)
            node = node.next
        return iter(items)
    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
ll = LinkedList()
for v in "abcde":
    ll.push(v)
print(list(ll), ll.size)
ll.reverse()
print(list(ll))

class Node:
    pass


node = Node()
node.child = Node()
value = (node
         .child
         .missing
         .deeper)

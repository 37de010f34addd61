import sys
import bisect, heapq, colorsys

a = [1, 3, 5]
bisect.insort(a, 4); print(a, bisect.bisect_left(a, 3))
h = [5, 1, 4]; heapq.heapify(h); print(heapq.heappop(h), heapq.nlargest(2, [3, 9, 1]))
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4))
import operator
print(operator.add(2, 3), operator.itemgetter(1)([7, 8]))
print(bisect.__name__, heapq.__package__ == "", type(operator.attrgetter("x")).__name__)

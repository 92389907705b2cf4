# lesson scenario: a singly linked list of Node instances, traversal, removal and refcounts
import sys


class Node:
    def __
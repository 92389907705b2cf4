# ---
# title: Seeing the count
# summary: What sys.getrefcount really reports: the extra temporary reference, 3 inside a function, and why strings mislead.
# options: hide-primitives
# ---
import sys

a = [1, 2, 3]
#> One name holds the list, yet this prints 2. Passing a to getrefcount puts
#> a second, temporary reference on the stack for as long as the call runs.
print(sys.getrefcount(a))


def show_refcount(obj):
    #> Inside the function the parameter obj is one more reference, and the
    #> argument we pass on to getrefcount is another.
    print(sys.getrefcount(obj))


#? What does show_refcount(a) print? | 3 | The global name a, the parameter obj, and getrefcount's own argument.
show_refcount(a)
#> Each extra layer of calls adds the layer's parameter.
def relay(item):
    show_refcount(item)


#? And through one more function? | 4 | a, item, obj, and the argument of getrefcount.
relay(a)
#> After the calls return, their parameters are gone and we are back to 2.
print(sys.getrefcount(a))
#> A fresh object that no name holds: only the temporary reference counts.
print(sys.getrefcount([]))
#> Strings are a trap. A script is parsed and compiled as a whole before it
#> runs; the compiled code keeps each literal in its table of constants, and
#> CPython 3.11 also keeps the parsed syntax tree, which holds the literal too.
#> So my_str = "Hello world!" then getrefcount(my_str) prints 4 in a script.
#> At the interactive prompt each statement is compiled on its own and thrown
#> away after it runs, so the same two lines print 2. Short identifier-like
#> strings are also shared (interned) across the program, and the REPL keeps
#> the last echoed value in '_', which adds one more. From 3.12 such strings,
#> None and small ints are immortal and report a huge fixed count. That is why
#> the course only prints counts of lists, dicts, instances and functions.
my_str = "Hello world!"
holder = [my_str]
#> What we can trust: the list that holds the string has exactly one name.
print(sys.getrefcount(holder))
#= sys.getrefcount(x) is the number of references plus one for its own
#= argument: 2 for an object with one name, 3 when read through a function
#= parameter. Python 3.14 avoids some temporary references on the stack, so it
#= can print smaller numbers for the same code. Treat counts of strings, ints,
#= None and classes as meaningless; they depend on constants, interning and
#= the version.

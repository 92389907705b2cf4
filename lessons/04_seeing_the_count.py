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


#> A function that prints the count of whatever it is given (not drawn: the
#> HEAP panel leaves functions out).
def show_refcount(obj):
    #> Inside the function the parameter obj is one more reference, and the
    #> argument we pass on to getrefcount is another.
    print(sys.getrefcount(obj))


#? What does show_refcount(a) print? | 3 | The global name a, the parameter obj, and getrefcount's own argument. | hide: none | show: a | hint: Start from the 2 printed above for one name, then ask what the call to show_refcount adds while it is running.
show_refcount(a)
#> relay passes its own parameter on to show_refcount: one more layer of calls.
def relay(item):
    show_refcount(item)


#? And through relay? | 4 | a, item, obj, and the argument of getrefcount: each layer of calls adds its parameter. | hide: none | show: a | hint: Every call still running holds the list in its own parameter. Count the calls open when getrefcount runs, and start from what show_refcount(a) printed.
relay(a)
#> The calls have returned and their parameters are gone: the list's own
#> count is back to 1, so getrefcount prints 2 again.
print(sys.getrefcount(a))
#> A fresh list that no name holds: only the temporary reference counts, so 1.
print(sys.getrefcount([]))
#> Strings are a trap. In a script, getrefcount(my_str) would print 4 here:
#> the name, the argument, the compiled code's constants, and the parsed
#> syntax tree that CPython 3.11 keeps while a script runs. At the interactive
#> prompt each statement's code is thrown away after it runs, so you see 2.
my_str = "Hello world!"
#> So we count a list that holds the string instead: nothing hidden holds it.
holder = [my_str]
#> Short, name-like strings are also shared (interned), and from 3.12 such
#> strings, None and small ints report a huge fixed count. So the course only
#> prints counts of lists, dicts, instances and functions. One name: 2.
print(sys.getrefcount(holder))
#= sys.getrefcount(x) is the number of references plus one for its own
#= argument: 2 for an object with one name, 3 when read through a function
#= parameter. Python 3.14 avoids some temporary references on the stack, so it
#= can print smaller numbers for the same code. Treat counts of strings, ints,
#= None and classes as meaningless; they depend on constants, interning and
#= the version.

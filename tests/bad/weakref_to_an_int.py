import weakref
weakref.ref(1)

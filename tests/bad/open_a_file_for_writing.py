open("/tmp/gcscope-should-not-exist", "w").write("x")

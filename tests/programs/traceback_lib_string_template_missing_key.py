from string import Template
t = Template("$who likes $what")
print(t.safe_substitute(who="tim"))
t.substitute(who="tim")

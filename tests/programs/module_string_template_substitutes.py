from string import Template
import string
t = Template("Hello $name, you owe $$${amount} for $item.")
print(t.substitute(name="Ann", amount=12.5, item="books"))
print(t.substitute({"name": "Bo", "amount": 3, "item": "pens"}))
print(t.substitute({"name": "Cy", "amount": 1, "item": "x"}, name="Override"))
print(t.safe_substitute(name="Di"))
print(t.template, Template.delimiter)
try:
    t.substitute(name="E")
except KeyError as e:
    print("KeyError", e)
for bad in ("cost: $5", "line1\nbad $ here", "${1x}"):
    try:
        Template(bad).substitute()
    except ValueError as e:
        print(e)
    print(Template(bad).safe_substitute())
print(string.Template("$a$b").substitute(a=1, b=[2]))

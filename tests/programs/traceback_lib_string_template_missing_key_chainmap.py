from string import Template
Template("$a and $b").substitute({"a": 1}, c=3)

from string import Template
Template("costs 5$ today").substitute()

import textwrap
print(textwrap.fill("The quick brown fox", width=10))
textwrap.fill("The quick brown fox", width=0)

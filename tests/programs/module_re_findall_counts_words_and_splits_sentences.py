# Counting words with findall
import re

text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness; it was the epoch of belief, it was
the epoch of incredulity. Don't stop: e-mail me at 9:30!"""

words = re.findall(r"[a-z']+", text.lower())
print(len(words), words[:8])
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(top)

print(re.findall(r'\b\w+\b', "Don't e-mail me"))
print(re.findall(r'(?i)\bthe\b', text))
print(len(re.findall(r'\bwas\b', text)), len(re.findall('it', text, re.IGNORECASE)))
print(re.findall(r'\b(\w)(\w*)\b', 'big red dog'))
print(re.findall(r'(\d+):(\d+)', 'at 9:30 and 10:45'))
print(re.findall(r'[.!?;]', text))
sentences = [s.strip() for s in re.split(r'(?<=[.!?])\s+', 'One. Two! Three? Four')]
print(sentences)
print(max(re.findall(r'\w+', text), key=len))
lengths = [len(w) for w in re.findall(r'\w+', text)]
print(sum(lengths) / len(lengths))
print(re.findall(r'\b[a-z]{4}\b', 'This word list has some four char words'))

import textwrap, random
random.seed(2024)
pieces = ["word", "a", "hyphen-ated", "long-hyphen-ated-word", "--", "---", "x--y", "e.g.", "end.", "what?",
          "'tis", "don't", "über", "a1-b2", "supercalifragilistic", "em—dash", "-lead", "trail-", "a-b-c-d-e", "zzz"]
seps = [" ", " ", "  ", "\t", "\n", "\xa0"]
for case in range(60):
    text = "".join(random.choice(pieces) + random.choice(seps) for _ in range(random.randint(0, 10)))
    kw = {}
    for opt in ("break_long_words", "break_on_hyphens", "drop_whitespace", "fix_sentence_endings"):
        if random.random() < 0.3:
            kw[opt] = random.random() < 0.5
    if random.random() < 0.3:
        kw["max_lines"] = random.randint(1, 3)
    if random.random() < 0.3:
        kw["subsequent_indent"] = random.choice(["  ", "| "])
    width = random.randint(3, 24)
    try:
        print(case, textwrap.wrap(text, width, **kw))
    except ValueError as e:
        print(case, "ValueError:", e)

# The chunks wrap() works on come from CPython's own wordsep_re (or
# wordsep_simple_re without break_on_hyphens): hyphenated words break
# after a hyphen between letters, em-dashes between words are chunks of
# their own, digits and underscores do not count as letters.
import textwrap
w = textwrap.TextWrapper()
simple = textwrap.TextWrapper(break_on_hyphens=False)
for text in ["Hello there -- you goof-ball, use the -b option!", "a-b-c-d e--f ab-cd-ef ---x x---",
             "über-cool naïve—dash Ωμέγα-λάμδα", "123-456 ab1-cd x_y-z_w a1-b2-c3", "word--word-- --word -- - -- x-",
             "e.g.--like this", "don't-stop can't-won't", "(paren)-[bracket] \"q\"-'r'", "ab---cd e----f --",
             "tab\tand\nnewline\x0bvt\x0cff\rcr", "nb\xa0space ideo\u3000space", "-lead trail- -both-"]:
    print(w._split(text))
    print(simple._split(text))
print(textwrap.TextWrapper.wordsep_re.pattern == textwrap.TextWrapper().wordsep_re.pattern,
      textwrap.TextWrapper.wordsep_re.flags, textwrap.TextWrapper.wordsep_simple_re.pattern,
      textwrap.TextWrapper.sentence_end_re.pattern)
print(textwrap.TextWrapper.unicode_whitespace_trans, repr(textwrap._whitespace))
print(textwrap._whitespace_only_re.pattern, textwrap._whitespace_only_re.flags,
      textwrap._leading_whitespace_re.pattern, textwrap._leading_whitespace_re.flags)

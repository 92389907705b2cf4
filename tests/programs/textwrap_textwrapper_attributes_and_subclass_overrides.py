import textwrap, sys, gc
w = textwrap.TextWrapper(width=20, initial_indent="* ", subsequent_indent="  ", max_lines=3)
print(w.width, repr(w.initial_indent), w.expand_tabs, w.tabsize, w.replace_whitespace, w.fix_sentence_endings,
      w.break_long_words, w.drop_whitespace, w.break_on_hyphens, w.max_lines, repr(w.placeholder))
s = "The quick brown fox jumps over the lazy dog. " * 3
print(w.wrap(s))
w.width = 30
w.placeholder = " (more)"
print(w.fill(s))
print(sys.getsizeof(w), sys.getrefcount(w), gc.is_tracked(w), sorted(vars(w)) == sorted(vars(textwrap.TextWrapper())))
print(type(w), textwrap.TextWrapper.__mro__, textwrap.TextWrapper.__module__, textwrap.TextWrapper.__qualname__)
print(sorted(k for k in vars(textwrap) if not k.startswith("__")), textwrap.__all__)
class Pipe(textwrap.TextWrapper):
    def _split(self, text):
        return text.split("|")
print(Pipe(width=5).wrap("ab|cd|ef|gh"))
class Upper(textwrap.TextWrapper):
    def _munge_whitespace(self, text):
        return super()._munge_whitespace(text).upper()
    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        cur_line.append(reversed_chunks.pop()[:width] + "~")
print(Upper(width=8).wrap("shout this extraordinarily loud"))
class Counting(textwrap.TextWrapper):
    calls = 0
    def _wrap_chunks(self, chunks):
        Counting.calls += 1
        return ["%d chunks" % len(chunks)] + super()._wrap_chunks(chunks)
c = Counting(width=10)
print(c.wrap("a b c d e"), c.fill("one two"), Counting.calls)
print(textwrap.TextWrapper.wrap(w, "called on the class"), textwrap.TextWrapper._split(w, "x-y z"))
before = gc.get_count()[0]
lines = textwrap.wrap("The quick brown fox jumps over the lazy dog", 10)
print(gc.get_count()[0] - before, sys.getrefcount(lines), gc.is_tracked(lines), sys.getsizeof(lines))

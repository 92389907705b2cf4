#!/usr/bin/env python3
"""Write the hostile-trace corpus (*.json) and expected.txt in this directory.

Each case is a small trace that is wrong in one way; expected.txt pairs the
file with text its one-line `gcscope check` message must contain.  Run this
after changing the format; the files are committed so tests need no Python
to produce them.
"""
import json
import os

os.chdir(os.path.dirname(os.path.abspath(__file__)))


def ev(kind, sub, line, obj, a, b, c, flags=0):
    return [kind, sub, flags, line, obj, a, b, c]


def doc(events, strings=("", "list", "int"), objects=(), refs=(), output="", counts=None, **over):
    d = {"format": "gcscope-trace", "version": 1, "model": "cpython-3.11",
         "source": {"path": "x.py", "text": "x = [1]\n"},
         "counts": counts or {"strings": len(strings), "objects": len(objects), "refs": len(refs),
                              "events": len(events), "output": len(output.encode())},
         "strings": list(strings), "output": output, "objects": list(objects), "refs": list(refs),
         "events": events}
    d.update(over)
    return json.dumps(d, separators=(", ", ": "))


PUSH = ev("frame_push", 0, 0, 1, 0, 0, 0)
LINE = ev("line", 0, 1, 1, 0, 0, 0)
ALLOC_LIST = ev("alloc", 6, 1, 10, 1, 0, 0)
cases = []


def add(name, text, want):
    cases.append((name, text, want))


add("empty.json", "", "the file is empty")
add("only_whitespace.json", " \n\t \n", "the file is empty")
add("not_json.json", "hello, world\n", "a trace is a JSON object, but the file starts with an unexpected character")
add("array_at_top.json", "[1, 2, 3]\n", "a trace is a JSON object, but the file starts with an array")
add("empty_object.json", "{}\n", "\"format\" is missing")
good = doc([PUSH, LINE, ALLOC_LIST, ev("bind", 0, 1, 1, 0, 10, 1)])
add("truncated.json", good[: good.rindex("]") - 3], "found the end of the document")
add("truncated_in_string.json", good[: good.index('"text": "x = ') + 12], "unterminated string")
add("wrong_format.json", doc([]).replace("gcscope-trace", "some-other-format"), "format is \"some-other-format\"")
add("unknown_version.json", doc([]).replace('"version": 1', '"version": 7'),
    "unknown version 7 (this gcscope reads versions 1 to 2)")
add("version_is_a_string.json", doc([]).replace('"version": 1', '"version": "1"'), "version: expected a whole number")
add("wrong_model.json", doc([]).replace("cpython-3.11", "pypy-7"), "model is \"pypy-7\"")
add("missing_events.json", doc([]).replace(', "events": []', ''), "the trace has no \"events\"")
add("duplicate_key.json", doc([]).replace('"refs": []', '"refs": [], "refs": []'), "duplicate key \"refs\"")
add("trailing_garbage.json", doc([]) + " {}", "after the trace")
add("event_field_wrong_type.json", doc([PUSH, ["line", "zero", 0, 1, 1, 0, 0, 0]]),
    "events[1][1] (sub): expected a whole number")
add("event_too_few_fields.json", doc([PUSH, ["line", 0, 0, 1, 1, 0]]), "events[1]: expected 8 fields, found 6")
add("event_too_many_fields.json", doc([PUSH, LINE + [0]]), "events[1]: expected ']' after 8 fields")
add("event_unknown_kind.json", doc([PUSH, ev("teleport", 0, 1, 1, 0, 0, 0)]),
    "events[1][0] (kind): unknown event kind \"teleport\"")
add("event_not_an_array.json", doc([PUSH, {"kind": "line"}]), "events[1]: expected '[' but found an object")
add("huge_number.json", doc([PUSH, LINE]).replace('["line", 0, 0, 1, 1,', '["line", 0, 0, 99999999999999999999999, 1,'),
    "events[1][3] (line): number too large")
add("number_past_32_bits.json", doc([PUSH, ev("line", 0, 4294967296, 1, 0, 0, 0)]), "events[1][3] (line): number too large")
add("negative_number.json", doc([PUSH, ev("line", 0, -1, 1, 0, 0, 0)]),
    "events[1][3] (line): expected a whole number from 0 to 4294967295 but found a negative number")
add("fraction.json", doc([PUSH, LINE]).replace('["line", 0, 0, 1, 1,', '["line", 0, 0, 1.5, 1,'),
    "events[1][3] (line): expected a whole number but found a fraction")
add("exponent.json", doc([PUSH, LINE]).replace('["line", 0, 0, 1, 1,', '["line", 0, 0, 1e400, 1,'),
    "events[1][3] (line): expected a whole number but found a fraction or an exponent")
add("leading_zero.json", doc([PUSH, LINE]).replace('["line", 0, 0, 1, 1,', '["line", 0, 0, 01, 1,'), "leading zero")
add("flags_too_large.json", doc([PUSH, ev("line", 0, 1, 1, 0, 0, 0, flags=70000)]),
    "events[1][2] (flags): 70000 is larger than 65535")
add("invalid_utf8.json", doc([]).replace('"x = [1]\\n"', '"x = \udcff\udcfe"'), "the file is not valid UTF-8")
add("overlong_utf8.json", doc([]).replace('"x = [1]\\n"', '"x = \udcc0\udcaf"'), "the file is not valid UTF-8")
add("bad_escape.json", doc([]).replace('"x = [1]\\n"', '"x = \\q"'), "bad escape '\\q'")
add("lone_surrogate.json", doc([]).replace('"x = [1]\\n"', '"\\ud800x"'), "lone high surrogate")
add("control_character_in_string.json", doc([]).replace('"x = [1]\\n"', '"x = [1]\n"'),
    "control character 10 inside a string")
add("strings_do_not_start_empty.json", doc([], strings=("list",)), "strings[0] must be the empty string")
add("counts_disagree.json", doc([PUSH], counts={"strings": 3, "objects": 0, "refs": 0, "events": 5, "output": 0}),
    "counts.events says 5 but the trace has 1")
add("unknown_object.json", doc([PUSH, LINE, ev("incref", 1, 1, 777, 2, 0, 0)]),
    "event 2 (incref): obj 777 names an unknown object")
add("event_on_freed_object.json", doc([PUSH, LINE, ALLOC_LIST, ev("decref", 1, 1, 10, 0, 0, 0),
                                       ev("free", 0, 1, 10, 1, 0, 0), ev("incref", 1, 1, 10, 1, 0, 0)]),
    "event 5 (incref): obj 10 was already freed")
add("negative_refcount.json", doc([PUSH, LINE, ALLOC_LIST, ev("decref", 1, 1, 10, 0, 0, 0),
                                   ev("decref", 1, 1, 10, 4294967295, 0, 0)]),
    "event 4 (decref): a (new count) is negative")
add("refcount_jumps.json", doc([PUSH, LINE, ALLOC_LIST, ev("incref", 1, 1, 10, 5, 0, 0)]),
    "event 3 (incref): a 5: obj 10's count goes from 1 to 5")
add("freed_while_counted.json", doc([PUSH, LINE, ALLOC_LIST, ev("free", 0, 1, 10, 1, 0, 0)]),
    "event 3 (free): obj 10 is freed with refcount 1")
add("freed_while_referenced.json", doc([PUSH, LINE, ALLOC_LIST, ev("alloc", 6, 1, 11, 1, 0, 0),
                                        ev("list_insert", 9, 1, 11, 0, 10, 0), ev("decref", 1, 1, 10, 0, 0, 0),
                                        ev("free", 0, 1, 10, 1, 0, 0)]),
    "event 6 (free): obj 10 is freed while 1 references to it remain")
add("reference_exceeds_refcount.json", doc([PUSH, LINE, ALLOC_LIST, ev("alloc", 6, 1, 11, 1, 0, 0),
                                            ev("list_insert", 9, 1, 11, 0, 10, 0),
                                            ev("list_insert", 9, 1, 11, 0, 10, 0), LINE]),
    "obj 10 has refcount 1 but 2 references from live objects and frames")
add("allocated_twice.json", doc([PUSH, LINE, ALLOC_LIST, ALLOC_LIST]), "event 3 (alloc): obj 10 is allocated twice")
add("bind_before_frame.json", doc([ev("bind", 0, 1, 5, 0, 10, 1), PUSH]),
    "event 0 (bind): obj 5 is not a frame on the stack")
add("free_before_alloc.json", doc([PUSH, ev("free", 0, 1, 10, 1, 0, 0), ALLOC_LIST]),
    "event 1 (free): obj 10 names an unknown object")
add("slot_old_target_wrong.json", doc([PUSH, LINE, ALLOC_LIST, ev("alloc", 6, 1, 11, 1, 2, 0),
                                       ev("ref_set", 4, 1, 11, 10, 10, 0)]),
    "event 4 (ref_set): a 10 is not what slot 0 of obj 11 holds (0)")
add("slot_past_end.json", doc([PUSH, LINE, ALLOC_LIST, ev("ref_set", 4, 1, 10, 0, 10, 3)]),
    "event 3 (ref_set): c 3 is past the 0 slots of obj 10")
add("line_in_wrong_frame.json", doc([PUSH, ev("line", 0, 1, 9, 0, 0, 0)]),
    "event 1 (line): obj 9 is not the frame on top of the stack")
add("frame_pop_not_on_top.json", doc([PUSH, ev("frame_push", 0, 0, 2, 0, 1, 0), ev("frame_pop", 0, 0, 1, 0, 0, 0)]),
    "event 2 (frame_pop): frame 1 is not on top of the stack")
add("frame_pushed_twice.json", doc([PUSH, ev("frame_push", 0, 0, 1, 0, 1, 0)]),
    "event 1 (frame_push): frame 1 is pushed twice")
add("stdout_past_output.json", doc([PUSH, LINE, ev("stdout", 0, 1, 1, 0, 50, 0)], output="hi\n"),
    "event 2 (stdout): a 0 + b 50 is past the 3 bytes of output")
add("object_id_out_of_range.json", doc([PUSH, LINE, ev("alloc", 6, 1, 4000000000, 1, 0, 0)]),
    "event 2 (alloc): obj 4000000000 is not a valid object id")
add("unknown_object_kind.json", doc([], objects=[{"id": 5, "kind": "dragon", "type": 1, "static": True,
                                                  "tracked": False, "gen": 0, "refcount": 0, "b": 0, "c": 0}]),
    "objects[0].kind: unknown kind \"dragon\"")
add("object_missing_key.json", doc([], objects=[{"id": 5, "kind": "int", "type": 2, "static": True}]),
    "objects[0] needs \"tracked\"")
add("initial_ref_to_nothing.json", doc([], objects=[{"id": 5, "kind": "list", "type": 1, "static": False,
                                                     "tracked": True, "gen": 0, "refcount": 1, "b": 1, "c": 0}],
                                       refs=[[5, "slot", 0, 99]]),
    "objects: initial reference 0 (holder 5): target is not a described object")
add("gc_end_without_start.json", doc([PUSH, LINE, ev("gc_end", 0, 1, 0, 0, 0, 0)]),
    "event 2 (gc_end): no collection is running")
add("unknown_ref_sub.json", doc([], refs=[[5, "elbow", 0, 1]]), "refs[0][1] (sub): unknown slot kind \"elbow\"")
# sizes (version 2): an empty list is 56 bytes, its alloc event says so
add("resize_of_freed_object.json", doc([PUSH, LINE, ALLOC_LIST, ev("decref", 1, 1, 10, 0, 0, 0),
                                        ev("free", 0, 1, 10, 1, 0, 0), ev("resize", 0, 1, 10, 56, 88, 0)], version=2),
    "event 5 (resize): obj 10 was already freed")
add("resize_old_size_wrong.json", doc([PUSH, LINE, ALLOC_LIST, ev("resize", 0, 1, 10, 64, 88, 0)], version=2),
    "event 3 (resize): a 64 is not obj 10's size (56)")
add("resize_negative_size.json", doc([PUSH, LINE, ALLOC_LIST, ev("resize", 0, 1, 10, 56, -8, 0)], version=2),
    "events[3][6] (b): expected a whole number from 0 to 4294967295 but found a negative number")
add("resize_of_static_object.json",
    doc([PUSH, LINE, ev("resize", 0, 1, 7, 28, 32, 0)], version=2,
        objects=[{"id": 7, "kind": "int", "type": 2, "static": True, "tracked": False, "gen": 0, "refcount": 0,
                  "b": 1, "c": 0, "size": 28}]),
    "event 2 (resize): obj 7 is static: its size never changes")
add("resize_in_version_1.json", doc([PUSH, LINE, ALLOC_LIST, ev("resize", 0, 1, 10, 56, 88, 0)]),
    "events[3][0] (kind): \"resize\" events are version 2; this trace says version 1")
# a str grown in place (CPython's += on a local): c names its new contents
STRS = ("", "list", "int", "str", "ab", "abcd")
ALLOC_STR = ev("alloc", 4, 1, 11, 3, 4, 0)
add("resize_contents_of_a_list.json", doc([PUSH, LINE, ALLOC_LIST, ev("resize", 0, 1, 10, 56, 88, 5)], version=2,
                                          strings=STRS),
    "event 3 (resize): c 5: only a str's contents change (obj 10 is not a str)")
add("resize_contents_not_a_string.json", doc([PUSH, LINE, ALLOC_STR, ev("resize", 0, 1, 11, 51, 53, 99)], version=2,
                                             strings=STRS),
    "event 3 (resize): c 99 is not a string id")
add("resize_contents_size_wrong.json", doc([PUSH, LINE, ALLOC_STR, ev("resize", 0, 1, 11, 51, 60, 5)], version=2,
                                           strings=STRS),
    "event 3 (resize): b 60 is not the size of obj 11's new contents (53 bytes)")
add("object_size_negative.json",
    doc([], version=2, objects=[{"id": 7, "kind": "int", "type": 2, "static": True, "tracked": False, "gen": 0,
                                 "refcount": 0, "b": 1, "c": 0, "size": -28}]),
    "objects[0].size: expected a whole number from 0 to 4294967295 but found a negative number")

for f in os.listdir("."):
    if f.endswith(".json"):
        os.remove(f)
with open("expected.txt", "w", encoding="utf-8") as out:
    out.write("# file<TAB>text the one-line message of `gcscope check` must contain (it exits 2)\n")
    out.write("# written by make_corpus.py; 100,000-deep nesting is generated by the tests\n")
    for name, text, want in cases:
        with open(name, "wb") as f:
            f.write(text.encode("utf-8", "surrogateescape"))
        out.write(f"{name}\t{want}\n")
print(f"{len(cases)} cases")

#!/usr/bin/env python3
"""The layout of core/ (README, "Layout"): four folders, each with the headers
the rest of the project may include, and dependencies that run one way.

    lang/     may include  runtime/
    runtime/  may include  record/trace.h
    modules/  may include  runtime/, record/trace.h
    record/   may include  runtime/object.h
    app/      may include  the public headers of each folder

A file includes a header of its own folder by its plain name and any other
by folder/name.  Exit 0, or 1 with one line per include that breaks a rule.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# what each folder offers the others
PUBLIC = {
    'lang': {'ast.h', 'compile.h'},
    'runtime': {'object.h', 'vm.h', 'runtime.h', 'opcodes.h'},
    'modules': {'modules.h'},
    'record': {'trace.h', 'timeline.h', 'trace_json.h', 'lesson.h'},
}
# folder -> the (folder, header) pairs it may include from the others
ALLOWED = {
    'lang': {('runtime', h) for h in PUBLIC['runtime']},
    'runtime': {('record', 'trace.h')},
    'modules': {('runtime', h) for h in PUBLIC['runtime']} | {('record', 'trace.h')},
    'record': {('runtime', 'object.h')},
    # the executables see each folder's public headers but not the runtime's
    # own API (runtime.h) nor the modules
    'app': {(f, h) for f in ('lang', 'record') for h in PUBLIC[f]} | {('runtime', 'object.h'), ('runtime', 'vm.h')},
}


def check():
    problems = []
    for top, folders in (('core', ['lang', 'runtime', 'modules', 'record']), ('app', [''])):
        for folder in folders:
            base = os.path.join(ROOT, top, folder)
            for dirpath, _, names in os.walk(base):
                for name in sorted(names):
                    if not name.endswith(('.c', '.h')):
                        continue
                    path = os.path.join(dirpath, name)
                    rel = os.path.relpath(path, ROOT)
                    owner = folder if top == 'core' else 'app'
                    for n, line in enumerate(open(path, encoding='utf-8'), 1):
                        m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                        if not m:
                            continue
                        inc = m.group(1)
                        parts = inc.split('/')
                        if len(parts) == 1:
                            if top == 'core' and not os.path.exists(os.path.join(dirpath, inc)):
                                problems.append('%s:%d: "%s" is not in %s/' % (rel, n, inc, folder))
                            continue
                        if len(parts) != 2 or parts[0] not in PUBLIC:
                            if top == 'core':
                                problems.append('%s:%d: "%s": name a header as folder/name' % (rel, n, inc))
                            continue
                        if parts[0] == owner:
                            problems.append('%s:%d: "%s": a header of the same folder is included by its name'
                                            % (rel, n, inc))
                        elif (parts[0], parts[1]) not in ALLOWED[owner]:
                            problems.append('%s:%d: %s/ may not include "%s"' % (rel, n, owner, inc))
    return problems


def main():
    problems = check()
    for p in problems:
        print(p)
    if not problems:
        print('layout: every include keeps to the folders\' rules')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())

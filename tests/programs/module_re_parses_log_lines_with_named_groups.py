# Parsing log lines with named groups
import re

LOG = re.compile(r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - - \[(?P<date>[^\]]+)\] '
                 r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/(?P<version>[\d.]+)" (?P<status>\d{3}) (?P<size>\d+|-)')

lines = [
    '127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326',
    '192.168.1.20 - - [10/Oct/2023:13:56:01 +0000] "POST /api/login HTTP/1.1" 401 -',
    'garbage line',
    '10.0.0.5 - - [10/Oct/2023:13:57:12 +0000] "GET /missing HTTP/2.0" 404 153',
]
by_status = {}
for line in lines:
    m = LOG.match(line)
    if not m:
        print('skip:', repr(line))
        continue
    d = m.groupdict()
    print(d['ip'], d['method'], d['path'], d['status'], d['size'])
    by_status.setdefault(m['status'], []).append(m.group('path'))
    print('  span of path:', m.span('path'), 'date starts at', m.start('date'), 'ends at', m.end('date'))
print(by_status)

m = LOG.match(lines[0])
print(m.group('ip', 'status'), m.groups()[-2:])
print(m.re is LOG, m.string is lines[0], m.pos, m.endpos, m.lastgroup, m.lastindex)
print(m.expand(r'\g<method> request for \g<path> (\6)'))

levels = re.compile(r'^(?P<time>\d\d:\d\d:\d\d) (?P<level>INFO|WARN|ERROR)\s+(?P<msg>.*)$', re.MULTILINE)
log = """08:00:01 INFO   server started
08:00:05 WARN   disk at 91%
08:01:10 ERROR  connection lost
08:01:11 INFO   retrying"""
for m in levels.finditer(log):
    print(m['time'], m['level'].lower(), m['msg'])
print(levels.findall(log)[2])
print([m.group('level') for m in levels.finditer(log) if m.group('level') != 'INFO'])

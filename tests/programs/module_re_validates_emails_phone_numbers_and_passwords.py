# Validating input with regular expressions: emails, phone numbers, postcodes
import re

EMAIL = re.compile(r'[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-zA-Z]{2,}')
PHONE = re.compile(r'''
    (\+\d{1,3}[\s-]?)?      # country code
    \(?(\d{3})\)?           # area code, maybe in parentheses
    [\s.-]?(\d{3})          # exchange
    [\s.-]?(\d{4})          # number
''', re.VERBOSE)

emails = ['alice@example.com', 'bob.smith+news@mail.co.uk', 'no-at-sign.com', 'x@y', 'carol@sub.domain.org',
          '@missing.com', 'dave@@double.com', 'eve@host.c']
for e in emails:
    m = EMAIL.fullmatch(e)
    print(f'{e:28} {"valid" if m else "invalid"}')

phones = ['555-123-4567', '(555) 123-4567', '+1 555.123.4567', '5551234567', '555-1234', '+44-555-123-4567']
for p in phones:
    m = PHONE.fullmatch(p)
    if m:
        print(p, '->', m.groups(), '->', '-'.join(m.groups()[1:]))
    else:
        print(p, '-> no match')

print(re.match(r'\d{5}(-\d{4})?$', '12345-6789'))
print(re.match(r'\d{5}(-\d{4})?$', '12345-67'))
print(bool(re.search(r'^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$', 'SW1A 1AA')))

def strong(pw):
    return all(re.search(p, pw) for p in [r'[a-z]', r'[A-Z]', r'\d', r'[^\w\s]', r'^.{8,}$'])

for pw in ['password', 'Passw0rd!', 'Sh0rt!', 'NoDigits!!', 'ALLUPPER1!']:
    print(pw, strong(pw))
print(PHONE.pattern.count('\n'), PHONE.flags, PHONE.groups)

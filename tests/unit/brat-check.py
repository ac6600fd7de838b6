"""brat's rule for a text-bound annotation, applied to every .ann under a folder: each fragment
lies in the text, holds no line break, and the fragments' texts joined by one space are the
quote written on the line (brat: "Text-bound annotation text ... does not match marked span(s)").
Files are read without newline translation: offsets count a CR LF as two characters, as brat
does when it reads files byte for byte. Prints one line per problem and exits 1 when there is any; prints "ok N spans" otherwise."""
import os
import sys

problems = []
spans = 0
for root, _, files in os.walk(sys.argv[1]):
    for name in sorted(files):
        if not name.endswith('.ann'):
            continue
        with open(os.path.join(root, name[:-4] + '.txt'), encoding='utf-8', newline='') as f:
            text = f.read()
        with open(os.path.join(root, name), encoding='utf-8', newline='') as f:
            for n, line in enumerate(f.read().split('\n'), 1):
                if not line.startswith('T'):
                    continue
                spans += 1
                ident, body, quote = line.rstrip('\n').split('\t', 2)
                _, offsets = body.split(' ', 1)
                parts = []
                for fragment in offsets.split(';'):
                    start, end = (int(x) for x in fragment.split(' '))
                    if not 0 <= start < end <= len(text):
                        problems.append(f'{name}:{n} {ident} fragment {start} {end} is outside the text')
                    if '\n' in text[start:end] or '\r' in text[start:end]:
                        problems.append(f'{name}:{n} {ident} fragment {start} {end} crosses a line break')
                    parts.append(text[start:end])
                if ' '.join(parts) != quote:
                    problems.append(f'{name}:{n} {ident} text does not match marked span(s)')
for p in problems:
    print(p)
print(f'ok {spans} spans' if not problems else f'{len(problems)} problems in {spans} spans')
sys.exit(1 if problems else 0)

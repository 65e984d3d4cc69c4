#!/usr/bin/env python3
"""Write a large, valid content folder for benchmarks: a paper, sections, references
and concepts (10,000 entities, about 20 MB by default) with links between them.

    make_content.py DIR [--entities N] [--bytes-per-entity B] [--seed S] [--han F]

The text is made of invented words drawn with a skewed frequency, as in real prose,
so the search index has common and rare words. Every entity is linked from a
section, so `caravan check DIR` finds no orphans. The same seed writes the same files.
With --han F, a fraction F of the words are runs of two to eight Chinese characters,
to measure search in a script written without spaces.
"""
import argparse
import itertools
import os
import random
import shutil

SYLLABLES = ("ka ra van si lk ro ad cul tu re in dus try bel t mar ket bra nd "
             "po li cy tra de eco no my se cu ri ty hu ma nis tic par k clus ter").split()


def vocabulary(rng, size, han=0.0):
    words = set()
    while len(words) < size:
        if han and rng.random() < han:
            # Characters from the first 5,000 CJK unified ideographs.
            words.add("".join(chr(0x4E00 + rng.randrange(5000)) for _ in range(rng.randint(2, 8))))
        else:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def paragraph(rng, words, weights, length, links):
    out = rng.choices(words, cum_weights=weights, k=length)
    out[0] = out[0].capitalize()
    for target, title in links:
        out.insert(rng.randrange(1, len(out)), f"[{title}]({target})")
    sentences, start = [], 0
    while start < len(out):
        end = min(len(out), start + rng.randint(8, 20))
        sentences.append(" ".join(out[start:end]) + ".")
        start = end
    return " ".join(sentences)


def body(rng, words, weights, size, links):
    paragraphs, written = [], 0
    while written < size:
        text = paragraph(rng, words, weights, rng.randint(40, 90), links if not paragraphs else [])
        paragraphs.append(text)
        written += len(text) + 2
    return "\n\n".join(paragraphs) + "\n"


def write(folder, name, front, text):
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\n" + front + "---\n" + text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--entities", type=int, default=10_000)
    ap.add_argument("--bytes-per-entity", type=int, default=1_500)
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument("--han", type=float, default=0.0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    words = vocabulary(rng, 20_000, a.han)
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(words))))
    rng.shuffle(words)

    if os.path.isdir(a.folder):
        shutil.rmtree(a.folder)
    os.makedirs(a.folder)
    sections = max(1, a.entities // 100)
    references = max(1, a.entities // 100)
    concepts = max(0, a.entities - 1 - sections - references)

    def title(index):
        return " ".join(w.capitalize() for w in rng.sample(words[:2000], 3)) + f" {index}"

    write(a.folder, "paper.md",
          "id: paper/large\nkind: paper\ntitle: A large generated paper\n"
          "summary: Generated content for benchmarks.\n"
          "authors:\n  - name: Bench Mark\n    affiliations: [1]\n"
          "affiliations:\n  - number: 1\n    name: Nowhere\n",
          body(rng, words, weights, a.bytes_per_entity, []))
    for s in range(sections):
        write(a.folder, f"sections/s{s:04d}.md",
              f"id: section/s{s}\nkind: section\ntitle: {title(s)}\nnumber: \"{s + 1}\"\n"
              f"parent: paper/large\norder: {s}\n",
              body(rng, words, weights, a.bytes_per_entity, []))
    for r in range(references):
        write(a.folder, f"references/r{r:04d}.md",
              f"id: reference/r{r}\nkind: reference\ntitle: {title(r)}\n"
              f"authors: [\"Author, A.\", \"Writer, B.\"]\nyear: {1990 + r % 35}\n"
              f"discussed-in: [section/s{r % sections}]\n",
              body(rng, words, weights, a.bytes_per_entity // 4, []))
    for c in range(concepts):
        links = [(f"concept/c{rng.randrange(concepts)}", rng.choice(words)) for _ in range(2)]
        text = body(rng, words, weights, a.bytes_per_entity, links)
        text += f"\nAs argued in [@r{rng.randrange(references)}].\n"
        write(a.folder, f"concepts/{c // 1000:02d}/c{c:05d}.md",
              f"id: concept/c{c}\nkind: concept\ntitle: {title(c)}\n"
              f"summary: {paragraph(rng, words, weights, 15, [])}\n"
              f"discussed-in: [section/s{c % sections}]\n",
              text)
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(a.folder) for f in fs)
    print(f"{1 + sections + references + concepts} entities, {total / 1e6:.1f} MB in {a.folder}")


if __name__ == "__main__":
    main()

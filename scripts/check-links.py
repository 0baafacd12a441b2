#!/usr/bin/env python3
"""Checks the relative links of the Markdown documentation, and the documents other files name.

1. Every relative link and image in README.md, TROUBLESHOOTING.md, roadmap.md, docs/*.md and
   bench/*.md points at a file of the repository, and its #anchor (if any) at a heading of that
   file, slugged as GitHub does. Links inside code blocks and `code spans` are not links.
2. Every `docs/NAME.md`, `TROUBLESHOOTING.md` or `README.md` named in the source, the tests, the
   scripts and the deployment files exists (a moved document must not leave a dangling mention).

Prints one line per broken link and exits 1 if there is any; exits 0 with a count otherwise.
`--self-test` runs the checker on a scratch tree with known broken links and fails if it misses one.
"""
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

DOC_GLOBS = ("README.md", "TROUBLESHOOTING.md", "roadmap.md")
DOC_DIRS = ("docs", "bench")
MENTION_ROOTS = ("src", "tests", "deploy", "scripts", "bench", ".ci")
MENTION_FILES = ("Dockerfile", "docker-compose.yml", "init_bot_stack.sh", ".woodpecker.yml",
                 "test.sh", ".env.example", "Caddyfile")
MENTION_EXTS = (".cs", ".csproj", ".sh", ".mjs", ".js", ".py", ".yml", ".yaml", ".json", ".props", ".txt")

LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
MENTION = re.compile(r"(?<![\w/.-])((?:docs/[A-Za-z0-9_-]+|TROUBLESHOOTING|README)\.md)\b")


def slug(text):
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link in a heading keeps its label
    text = text.strip().lower()
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in " -":
            out.append("-" if ch == " " else ch)
        elif ch == "_" or cat[0] in ("L", "N") or cat == "Mn":
            out.append(ch)
    return "".join(out)


def prose_lines(path):
    """The file's lines outside fenced code blocks: (number, raw line, line with code spans blanked)."""
    in_fence = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = FENCE.match(line)
            if m:
                if in_fence is None:
                    in_fence = m.group(1)
                elif m.group(1) == in_fence:
                    in_fence = None
                continue
            if in_fence is None:
                raw = line.rstrip("\n")
                yield number, raw, CODE_SPAN.sub(lambda s: " " * len(s.group(0)), raw)


def anchors(path, cache):
    if path not in cache:
        seen = {}
        found = set()
        for _, raw, _ in prose_lines(path):
            m = HEADING.match(raw)
            if not m:
                continue
            base = slug(m.group(2))
            n = seen.get(base, 0)
            found.add(base if n == 0 else f"{base}-{n}")
            seen[base] = n + 1
        cache[path] = found
    return cache[path]


def doc_files(root):
    files = [os.path.join(root, name) for name in DOC_GLOBS if os.path.isfile(os.path.join(root, name))]
    for folder in DOC_DIRS:
        base = os.path.join(root, folder)
        if os.path.isdir(base):
            files += sorted(os.path.join(base, n) for n in os.listdir(base) if n.endswith(".md"))
    return files


def check_links(root):
    errors, count, cache = [], 0, {}
    for doc in doc_files(root):
        for number, _, line in prose_lines(doc):
            for m in LINK.finditer(line):
                target = m.group(1)
                if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):  # https:, mailto:, …
                    continue
                count += 1
                where = f"{os.path.relpath(doc, root)}:{number}"
                path_part, _, anchor = target.partition("#")
                dest = os.path.normpath(os.path.join(os.path.dirname(doc), path_part)) if path_part else doc
                if not os.path.exists(dest):
                    errors.append(f"{where}: {target}: no such file {os.path.relpath(dest, root)}")
                    continue
                if anchor and dest.endswith(".md") and anchor not in anchors(dest, cache):
                    errors.append(f"{where}: {target}: no heading with the anchor #{anchor} in {os.path.relpath(dest, root)}")
    return errors, count


def tracked(root):
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "--cached", "--others", "--exclude-standard"],
                             check=True, capture_output=True, text=True).stdout
        return out.splitlines()
    except (OSError, subprocess.CalledProcessError):
        names = []
        for folder, _, files in os.walk(root):
            names += [os.path.relpath(os.path.join(folder, f), root) for f in files]
        return names


def check_mentions(root):
    errors, count = [], 0
    for name in tracked(root):
        top = name.split("/", 1)[0]
        if not (name in MENTION_FILES or (top in MENTION_ROOTS and name.endswith(MENTION_EXTS))):
            continue
        if "node_modules" in name.split("/") or name == "scripts/check-links.py":  # its own examples
            continue
        path = os.path.join(root, name)
        try:
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, 1):
            for m in MENTION.finditer(line):
                count += 1
                if not os.path.isfile(os.path.join(root, m.group(1))):
                    errors.append(f"{name}:{number}: names {m.group(1)}, which does not exist")
    return errors, count


def run(root):
    link_errors, links = check_links(root)
    mention_errors, mentions = check_mentions(root)
    for e in link_errors + mention_errors:
        print(e)
    if link_errors or mention_errors:
        print(f"check-links: {len(link_errors) + len(mention_errors)} broken "
              f"({links} relative links, {mentions} mentions of documents checked)")
        return 1
    print(f"check-links: {links} relative links and {mentions} mentions of documents, all resolve")
    return 0


def self_test():
    """The checker must catch each kind of break, and accept what is right."""
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "docs"))
        os.makedirs(os.path.join(root, "src"))
        files = {
            "README.md": "# Top\n\n[ok](docs/a.md#reaching-it-admin_mode) [ok2](#top) "
                         "[gone](docs/missing.md) [bad anchor](docs/a.md#nowhere)\n"
                         "`[not a link](nowhere.md)`\n```\n[also not](nowhere.md)\n```\n",
            "docs/a.md": "# A\n\n## Reaching it: `ADMIN_MODE`\n\n[back](../README.md#top) [up](../README.md#no)\n",
            "src/X.cs": "// see docs/a.md and docs/old.md\n",
        }
        for name, text in files.items():
            with open(os.path.join(root, name), "w", encoding="utf-8") as f:
                f.write(text)
        link_errors, links = check_links(root)
        mention_errors, _ = check_mentions(root)
        expected = ["README.md:3: docs/missing.md", "README.md:3: docs/a.md#nowhere", "docs/a.md:5: ../README.md#no"]
        problems = [e for e in expected if not any(err.startswith(e) for err in link_errors)]
        if len(link_errors) != len(expected):
            problems.append(f"expected {len(expected)} broken links, found {len(link_errors)}: {link_errors}")
        if links != 6:
            problems.append(f"expected 6 relative links outside code, counted {links}")
        if [e.split(":")[0] + ":" + e.split(":")[1] for e in mention_errors] != ["src/X.cs:1"] or "docs/old.md" not in mention_errors[0]:
            problems.append(f"expected one dangling mention (src/X.cs:1 docs/old.md), found {mention_errors}")
        for p in problems:
            print("self-test: " + p)
        print("check-links self-test: " + ("FAILED" if problems else "the checker finds every planted break"))
        return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    repo = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    sys.exit(run(repo))

#!/usr/bin/env python3
"""The mutation score of the scope, part by part (tools/mutation/run.sh --parts; README "Mutation testing").

  scores.py record REPORT.json COMMIT FILES COMMAND
                                               append one row for each of FILES (the part's scope files, separated
                                               by spaces) from a Stryker JSON report to the table
  scores.py summary [--write]                  the latest row of each scope file added up: the combined score and
                                               the scope files not yet run (--write: also into the table's file)
  scores.py remaining                          the scope files with no row, in stryker-config.json's order
  scores.py survivors REPORT.json              the surviving and not-covered mutants of a report, with their lines

The table is tests/mutation/scores.md (MUTATION_SCORES names another). A scope file's latest row counts, as long as the
file is unchanged since the row's commit (a changed file is run again); a file run again (after new tests) gets a new
row, and the old one stays as history. The score is Stryker's: killed and timed-out
mutants over killed, timed-out, surviving and not-covered ones; compile errors and ignored mutants are not counted.
"""
import datetime
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
API = "src/IcsExpertiseGraph.Api"
TABLE = os.environ.get("MUTATION_SCORES") or os.path.join(ROOT, "tests", "mutation", "scores.md")
HEADER = "| date | commit | file | mutants | killed | survived | timeout | no coverage | compile errors | score | command |"
SUMMARY_START = "<!-- summary: written by tools/mutation/scores.py summary --write -->"
SUMMARY_END = "<!-- end of summary -->"


def scope():
    """The files stryker-config.json's "mutate" names, in its order (that order is the order --parts runs them in)."""
    with open(os.path.join(ROOT, "stryker-config.json"), encoding="utf-8") as f:
        patterns = json.load(f)["stryker-config"]["mutate"]
    files = []
    for pattern in patterns:
        rel = pattern[3:] if pattern.startswith("**/") else pattern
        for path in sorted(glob.glob(os.path.join(ROOT, API, rel))):
            name = os.path.relpath(path, os.path.join(ROOT, API))
            if name not in files:
                files.append(name)
    return files


def relative(path):
    """A report's file path (absolute, in whatever copy the run used) as the scope names it."""
    marker = API + "/"
    return path.split(marker, 1)[1] if marker in path else path


def counts(mutants):
    c = {s: 0 for s in ("Killed", "Survived", "Timeout", "NoCoverage", "CompileError", "Ignored", "RuntimeError")}
    for m in mutants:
        c[m["status"]] = c.get(m["status"], 0) + 1
    return c


def score(killed, survived, timeout, nocov):
    valid = killed + survived + timeout + nocov
    return 100.0 * (killed + timeout) / valid if valid else None


def fmt(s):
    return "n/a" if s is None else f"{s:.1f}%"


def read_rows():
    rows = []
    if not os.path.exists(TABLE):
        return rows
    with open(TABLE, encoding="utf-8") as f:
        for line in f:
            # A cell may hold an escaped pipe (\\|), as a test filter's "or" does.
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
            if len(cells) == 11 and re.match(r"^\d{4}-\d\d-\d\d", cells[0]):
                rows.append({"date": cells[0], "commit": cells[1], "file": cells[2].strip("`"), "mutants": int(cells[3]),
                             "killed": int(cells[4]), "survived": int(cells[5]), "timeout": int(cells[6]),
                             "nocov": int(cells[7]), "compile": int(cells[8])})
    return rows


def record(report, commit, files, command):
    with open(report, encoding="utf-8") as f:
        data = json.load(f)
    # The report lists every file of the project; only the part's files were mutated (a file of the part with no
    # mutant at all, such as one of constants, gets a row of zeros: it has been run).
    part = [relative(f) for f in files.split()]
    mutants = {relative(path): entry["mutants"] for path, entry in data["files"].items()}
    lines = []
    today = datetime.date.today().isoformat()
    # A pipe in the command (a test filter's "or") would end the table cell: escaped, as Markdown reads it.
    escaped = command.replace("|", "\\|")
    for name in part:
        c = counts(mutants.get(name, []))
        k, s, t, n = c["Killed"], c["Survived"], c["Timeout"], c["NoCoverage"]
        lines.append(f"| {today} | {commit} | `{name}` | {k + s + t + n} | {k} | {s} | {t} | {n} | {c['CompileError']} | "
                     f"{fmt(score(k, s, t, n))} | `{escaped}` |")
    if not os.path.exists(TABLE):
        sys.exit(f"scores: {TABLE} does not exist")
    with open(TABLE, encoding="utf-8") as f:
        text = f.read()
    # Rows go at the end of the table (the last row of the table that starts with HEADER).
    at = text.index(HEADER)
    end = text.find("\n\n", at)
    end = len(text.rstrip("\n")) if end < 0 else end
    text = text[:end] + "\n" + "\n".join(lines) + text[end:]
    with open(TABLE, "w", encoding="utf-8") as f:
        f.write(text if text.endswith("\n") else text + "\n")
    for line in lines:
        print("scores: " + line)


def changed_since(row):
    """Whether the file differs now from the commit its row mutated (its row then no longer counts)."""
    commit = row["commit"].split("+", 1)[0]
    path = os.path.join(API, row["file"])
    run = subprocess.run(["git", "-C", ROOT, "diff", "--quiet", commit, "--", path], capture_output=True)
    return run.returncode == 1


def latest():
    """Each scope file's latest row, unless the file has changed since that row's commit."""
    last = {}
    for row in read_rows():
        last[row["file"]] = row
    return {f: r for f, r in last.items() if not changed_since(r)}


def remaining():
    done = latest()
    return [f for f in scope() if f not in done]


def summary(write):
    done = latest()
    files = scope()
    rows = [done[f] for f in files if f in done]
    k = sum(r["killed"] for r in rows)
    s = sum(r["survived"] for r in rows)
    t = sum(r["timeout"] for r in rows)
    n = sum(r["nocov"] for r in rows)
    left = [f for f in files if f not in done]
    rows_of = {r["file"] for r in read_rows()}
    stale = [f for f in left if f in rows_of]
    text = [f"Combined (the latest row of each of {len(rows)} of the {len(files)} scope files): "
            f"**{fmt(score(k, s, t, n))}**, {k + t} of {k + s + t + n} mutants killed ({k} killed, {t} timed out), "
            f"{s} survived, {n} not covered."]
    text.append("Not run yet, or changed since their run (" + str(len(left)) + "): "
                + (", ".join(f"`{f}`" + (" (changed)" if f in stale else "") for f in left) if left else "none; the parts add up to the whole scope") + ".")
    out = "\n\n".join(text)
    print(out)
    if write:
        with open(TABLE, encoding="utf-8") as f:
            body = f.read()
        block = f"{SUMMARY_START}\n{out}\n{SUMMARY_END}"
        if SUMMARY_START in body:
            body = re.sub(re.escape(SUMMARY_START) + ".*?" + re.escape(SUMMARY_END), lambda _: block, body, flags=re.S)
        else:
            body = body.rstrip("\n") + "\n\n" + block + "\n"
        with open(TABLE, "w", encoding="utf-8") as f:
            f.write(body)


def survivors(report):
    with open(report, encoding="utf-8") as f:
        data = json.load(f)
    for path, entry in sorted(data["files"].items()):
        source = entry.get("source", "").split("\n")
        for m in sorted(entry["mutants"], key=lambda m: (m["location"]["start"]["line"], m["location"]["start"]["column"])):
            if m["status"] not in ("Survived", "NoCoverage"):
                continue
            line = m["location"]["start"]["line"]
            original = source[line - 1].strip() if 0 < line <= len(source) else ""
            print(f"{relative(path)}:{line} {m['status']} {m['mutatorName']}: {original}\n    -> {m.get('replacement', '')}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    if args[0] == "record" and len(args) >= 5:
        record(args[1], args[2], args[3], " ".join(args[4:]))
    elif args[0] == "summary":
        summary("--write" in args)
    elif args[0] == "remaining":
        print("\n".join(remaining()))
    elif args[0] == "survivors" and len(args) == 2:
        survivors(args[1])
    elif args[0] == "scope":
        print("\n".join(scope()))
    else:
        sys.exit(__doc__)

"""B101's lexicon with a kept prefilter database: nothing compiled at load, an entry's regex compiled when the
database reports it on a line, and the same answers as the alternation of every entry."""

import json
import subprocess
import sys

from tests.conftest import ROOT

PROBE = r"""
import json, sys
import regex._main as regex_main
compiled = []
real = regex_main._compile
def spy(pattern, flags, *rest):
    compiled.append(pattern)
    return real(pattern, flags, *rest)
regex_main._compile = spy
from corpuscheck.rules.boilerplate.boilerplate_line import boilerplate_lexicon
words = boilerplate_lexicon()
at_load = [p for p in compiled if p in words.starts.patterns or p in words.inlines.patterns or len(p) > 2000]
lines = ["Baca juga: Berita lain", "JAKARTA - Isi berita biasa.", "Simak berita lainnya di Google News", "teks"]
found = words.starts.candidates(lines)
singles = sum(s is not None for s in words.starts._singles)
reference = [words.start.match(line) is not None for line in lines]
print(json.dumps({"at_load": len(at_load), "database": words.starts.database is not None, "found": found,
                  "reference": reference, "singles": singles, "entries": len(words.starts.patterns)}))
"""


def _probe(tmp_path):
    env = {"CORPUSCHECK_PREFILTER_CACHE": str(tmp_path / "prefilter"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_kept_database_compiles_entries_only_when_reported(tmp_path):
    first = _probe(tmp_path)  # makes the database: every entry and the alternation compiled
    assert first["database"] and first["at_load"] >= first["entries"] > 100
    second = _probe(tmp_path)  # loads it: nothing compiled until a line is scanned
    assert second["database"] and second["at_load"] == 0
    assert second["found"] == second["reference"] == first["found"]
    assert second["found"][0] and not second["found"][1]
    assert 1 <= second["singles"] < 10  # the entries the database reported on these lines, not all of them

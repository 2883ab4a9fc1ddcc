"""Corpus rules' verdicts in the cache (DESIGN.md "Cache"): over the very same files a corpus rule is not
judged again, and when one file changes every corpus rule judges again, so that a finding in a file
that did not change appears or goes exactly as in a run without the cache."""

import pytest

from corpuscheck.check import check
from corpuscheck.rules import get_rule

CODES = ["P101", "X101", "X103", "X102", "B102"]
FURNITURE = "Baca juga artikel menarik lainnya di laman kami"


def _findings(report):
    return sorted((f.path, f.record, f.code, f.line, f.message, f.excerpt) for f in report.iter_findings())


def _counts(report):
    """The feature table's corpus-rule count columns (what GX validates)."""
    table = report.extra["doc_stats"].table
    names = [c for c in table.columns if c.startswith(("n_", "count")) or c in {get_rule(x).column for x in CODES}]
    return {n: list(table.column(n)) for n in sorted(names)}


@pytest.fixture
def site(tmp_path):
    """Ten articles of one source; four carry the same furniture line (B102 at 30% of 11), two are one text (X101)."""
    folder = tmp_path / "site"
    folder.mkdir()
    for number in range(10):
        body = [f"Judul berita nomor {number}", f"JAKARTA - Isi berita nomor {number} tentang hal yang lain sekali."]
        body.append(f"Paragraf kedua berita {number} menjelaskan lebih jauh apa yang terjadi kemarin sore.")
        if number < 4:
            body.append(FURNITURE)
        (folder / f"a{number}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
    (folder / "b-copy.txt").write_text((folder / "a5.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


class _Counted:
    """A corpus rule's judge that notes its calls (picklable: rules go to worker processes)."""

    def __init__(self, code, judge, calls):
        self.code, self.judge, self.calls = code, judge, calls

    def __call__(self, signatures, options):
        self.calls.append(self.code)
        return self.judge(signatures, options)


class Judges:
    """Counts each corpus rule's judge calls."""

    def __init__(self, monkeypatch):
        from corpuscheck.rules import all_rules
        from corpuscheck.rules.base import CorpusRule

        self.calls: list[str] = []
        for rule in all_rules():
            if isinstance(rule, CorpusRule):
                # a frozen dataclass: its field set in its __dict__ (restored by monkeypatch)
                monkeypatch.setitem(vars(rule), "judge", _Counted(rule.code, rule.judge, self.calls))


def test_the_same_files_are_not_judged_again(site, tmp_path, monkeypatch):
    judges = Judges(monkeypatch)
    cache = tmp_path / "cache"
    cold = check([str(site)], select=CODES, jobs=1, cache_dir=cache)
    assert sorted(judges.calls) == sorted(c for c in CODES if c != "P101")
    assert {"B102", "X101"} <= {f.code for f in cold.iter_findings()}
    judges.calls.clear()
    warm = check([str(site)], select=CODES, jobs=1, cache_dir=cache)
    assert judges.calls == []
    assert _findings(warm) == _findings(cold)
    assert _counts(warm) == _counts(cold)
    assert [(o.label, o.success, o.unexpected_count) for o in warm.outcomes] == \
        [(o.label, o.success, o.unexpected_count) for o in cold.outcomes]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_touched_file_changes_the_verdict_in_files_that_did_not_change(site, tmp_path, monkeypatch, jobs):
    cache = tmp_path / "cache"
    check([str(site)], select=CODES, jobs=jobs, cache_dir=cache)
    before = check([str(site)], select=CODES, jobs=jobs, cache_dir=cache)
    assert {f.path.rsplit("/", 1)[1] for f in before.iter_findings() if f.code == "B102"} == {"a0.txt", "a1.txt", "a2.txt", "a3.txt"}
    assert any(f.code == "X101" and f.path.endswith("b-copy.txt") for f in before.iter_findings())
    # a2 loses the furniture line: three of eleven is below B102's 30%, so a0, a1 and a3 (unchanged) lose their finding;
    # a5 changes: b-copy.txt (unchanged) is no longer its duplicate
    (site / "a2.txt").write_text((site / "a2.txt").read_text(encoding="utf-8").replace(FURNITURE + "\n", ""),
                                 encoding="utf-8")
    (site / "a5.txt").write_text("Judul baru\nJAKARTA - Berita yang sama sekali lain dari kemarin.\n", encoding="utf-8")
    judges = Judges(monkeypatch)
    after = check([str(site)], select=CODES, jobs=jobs, cache_dir=cache)
    assert sorted(judges.calls) == sorted(c for c in CODES if c != "P101")
    fresh = check([str(site)], select=CODES, jobs=jobs)
    assert _findings(after) == _findings(fresh)
    assert _counts(after) == _counts(fresh)
    assert not any(f.code in ("B102", "X101") for f in after.iter_findings())
    # and back: the first verdicts come from the cache again, as a fresh run gives them
    (site / "a2.txt").write_text((site / "a2.txt").read_text(encoding="utf-8") + FURNITURE + "\n", encoding="utf-8")
    again = check([str(site)], select=CODES, jobs=jobs, cache_dir=cache)
    assert _findings(again) == _findings(check([str(site)], select=CODES, jobs=jobs))
    assert {f.path.rsplit("/", 1)[1] for f in again.iter_findings() if f.code == "B102"} == {"a0.txt", "a1.txt", "a2.txt", "a3.txt"}


def test_a_corrupt_corpus_verdict_is_judged_again(site, tmp_path):
    cache = tmp_path / "cache"
    cold = check([str(site)], select=CODES, jobs=1, cache_dir=cache)
    entries = [p for p in (cache / "corpus").rglob("*") if p.is_file()]
    assert len(entries) == 4  # X101, X102, X103, B102
    for path in entries:
        path.write_bytes(b"\x80not a pickle")
    assert _findings(check([str(site)], select=CODES, jobs=1, cache_dir=cache)) == _findings(cold)


def _suite(tmp_path, min_share):
    lines = ["name: t", "expectations:"]
    for code in CODES:
        lines.append(f"  - rule: {code}")
        if code == "B102":
            lines.append(f"    options: {{min_share: {min_share}}}")
    path = tmp_path / f"suite-{min_share}.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_other_options_of_a_corpus_rule_miss(site, tmp_path):
    cache = tmp_path / "cache"
    loose = check([str(site)], _suite(tmp_path, 0.3), jobs=1, cache_dir=cache)
    assert any(f.code == "B102" for f in loose.iter_findings())
    strict = check([str(site)], _suite(tmp_path, 0.5), jobs=1, cache_dir=cache)
    assert not any(f.code == "B102" for f in strict.iter_findings())
    assert _findings(check([str(site)], _suite(tmp_path, 0.3), jobs=1, cache_dir=cache)) == _findings(loose)

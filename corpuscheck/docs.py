"""Rule documentation rendered from the rule declarations (ruff's headings)."""

from __future__ import annotations

from pathlib import Path

from corpuscheck.rules import Rule, all_rules


def _visible(text: str) -> str:
    """Invisible and control characters as ``\\uXXXX`` escapes, so an example shows what it holds."""
    return "".join(
        c if c in "\n\t" or (c.isprintable() and c not in "\u00ad\u200b\u200c\u200d\u2060\ufeff") else f"\\u{ord(c):04x}"
        for c in text
    )


def _fence(text: str) -> str:
    return "```text\n" + _visible(text) + "\n```"


SAFETY_TEXT = {
    "safe": "**Safe**: `corpuscheck fix` applies it by default ({kind}); it removes only what cannot be article text.",
    "unsafe": "**Unsafe**: `corpuscheck fix --unsafe-fixes` applies it ({kind}); review the result, it can remove or change text.",
    "none": "**No automatic fix**: `corpuscheck fix` leaves these findings as they are.",
}


def fix_safety(rule: Rule) -> str:
    kind = rule.autofix.kind.replace("-", " ") if rule.autofix else ""
    return SAFETY_TEXT[rule.fix_safety].format(kind=kind) + " Every edit is logged in `edits.jsonl` and undone by `corpuscheck restore`." * (rule.autofix is not None)


def render_rule(rule: Rule) -> str:
    parts = [
        f"## {rule.code} `{rule.name}`",
        f"Default severity: **{rule.severity}**.",
        "### What it does",
        rule.summary,
        "### Why is this bad?",
        rule.why,
    ]
    if rule.known_problems:
        parts += ["### Known problems", rule.known_problems]
    for example in rule.examples:
        if example.is_bad:
            spans = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in example.spans)
            heading = f"### Example (flagged at line {spans})"
        else:
            heading = "### Use instead (not flagged)"
        parts.append(heading)
        if example.corpus:
            parts.append(f"A corpus of {len(example.corpus)} document(s):")
            parts += [_fence(other) for other in example.corpus]
            parts.append("and then this document:")
        parts.append(_fence(example.text))
        if example.options:
            parts.append(f"With options `{dict(example.options)}`.")
        if example.note:
            parts.append(example.note)
    if rule.options:
        parts.append("### Options")
        parts += [f"- `{name}` (default `{opt.default!r}`): {opt.help}" for name, opt in rule.options.items()]
    if rule.fix:
        parts += ["### Fix", rule.fix]
    parts += ["### Fix safety", fix_safety(rule)]
    return "\n\n".join(parts) + "\n"


def render_catalogue() -> str:
    rules = all_rules()
    table = ["| code | name | severity | what it flags |", "|---|---|---|---|"]
    table += [f"| [{r.code}](#{r.code.lower()}-{r.name}) | `{r.name}` | {r.severity} | {r.summary} |" for r in rules]
    header = (
        "# Rules\n\nGenerated from the rule modules by `python -m corpuscheck.docs`; do not edit by hand. "
        "Every example below is also a test (`tests/test_rule_examples.py`).\n"
    )
    return header + "\n" + "\n".join(table) + "\n\n" + "\n".join(render_rule(r) for r in rules)


def write(path: Path = Path("docs/rules.md")) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_catalogue(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write())

"""The GX Data Docs under ``--report DIR --data-docs`` (``DIR/gx/``), made to work offline.

GX writes its pages with stylesheets and scripts from CDNs (Bootstrap 4.3.1, bootstrap-table,
Font Awesome, jQuery, Vega) and its logo from a web bucket; its own stylesheet, fonts and
images it copies into ``gx/static/``. Offline, the pages came out unstyled. ``localize``
rewrites every page: Bootstrap's stylesheet from the vendored copy (``report/vendor/``, MIT)
copied into ``gx/static/vendor/``, the logo from GX's own ``static/images/``, and every
other remote ``<link>``/``<script src>`` removed, so opening the pages loads nothing from the
network. The tables, text and GX's own styles render; the remote widgets (sortable tables,
Vega charts, icons) are left out.
"""

from __future__ import annotations

import re
import shutil
from importlib import resources
from pathlib import Path

BOOTSTRAP = "bootstrap-4.3.1.min.css"
_REMOTE = r"""["'](?:https?:)?//[^"']*["']"""
_LINK = re.compile(r"<link\b[^>]*\bhref=" + _REMOTE + r"[^>]*>", re.I)
_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=" + _REMOTE + r"[^>]*>\s*</script>", re.I)
_LOCAL_STATIC = re.compile(r"""\b(href|src)=(["'])(?:\./)?(?:\.\./)*static/""", re.I)
_CSS_URL = re.compile(r"""url\(\s*["']?(?:https?:)?//[^)]*\)""", re.I)
# Font Awesome is not vendored: the status icons GX uses get a character of their own
ICONS = (".fas{font-style:normal}.fa-check-circle::before{content:'\\2714'}.fa-times::before{content:'\\2716'}"
         ".fa-exclamation-triangle::before{content:'\\26A0'}.fa-info-circle::before{content:'\\2139'}\n")
_IMG_SRC = re.compile(r"""(<img\b[^>]*\bsrc=)["'](?:https?:)?//[^"']*["']""", re.I)


def _page(html: str, prefix: str) -> str:
    def link(m: re.Match) -> str:
        tag = m.group(0)
        if "bootstrap.min.css" in tag and "/bootstrap/" in tag:
            return (f'<link rel="stylesheet" href="{prefix}static/vendor/{BOOTSTRAP}"/>'
                    f'<link rel="stylesheet" href="{prefix}static/vendor/icons.css"/>')
        return ""

    html = _LINK.sub(link, html)
    html = _SCRIPT.sub("", html)
    html = _LOCAL_STATIC.sub(lambda m: f"{m.group(1)}={m.group(2)}{prefix}static/", html)  # GX's own depth is off by one
    return _IMG_SRC.sub(lambda m: f'{m.group(1)}"{prefix}static/images/logo-long.png"', html)


def localize(gx_dir: Path) -> int:
    """Rewrite the Data Docs pages under ``gx_dir`` to load only local files; returns the pages rewritten."""
    from corpuscheck.atomic import write_text

    gx_dir = Path(gx_dir)
    vendor = gx_dir / "static" / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    source = resources.files("corpuscheck.report").joinpath("vendor")
    for name in (BOOTSTRAP, "LICENSE-bootstrap.txt"):
        with resources.as_file(source.joinpath(name)) as path:
            shutil.copyfile(path, vendor / name)
    (vendor / "icons.css").write_text(ICONS, encoding="utf-8")
    for css in (gx_dir / "static" / "styles").glob("*.css"):  # GX's own stylesheet draws its logo from the web
        text = css.read_text(encoding="utf-8")
        if _CSS_URL.search(text):
            write_text(css, _CSS_URL.sub("url('../images/logo-long.png')", text))
    done = 0
    for page in sorted(gx_dir.rglob("*.html")):
        depth = len(page.relative_to(gx_dir).parts) - 1
        text = page.read_text(encoding="utf-8")
        local = _page(text, "../" * depth)
        if local != text:
            write_text(page, local)
            done += 1
    return done

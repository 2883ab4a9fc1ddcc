"""The GX Data Docs under ``--report DIR --data-docs`` (``DIR/gx/``), made to work offline.

GX writes its pages with stylesheets and scripts from CDNs (Bootstrap 4.3.1, bootstrap-table,
Font Awesome, jQuery, Vega) and its logo from a web bucket; its own stylesheet, fonts and
images it copies into ``gx/static/``. Offline, the pages came out unstyled. ``localize``
rewrites every page: Bootstrap 4.3.1 (CSS and JS bundle), jQuery 3.7.1 and bootstrap-table
1.19.1 (with its filter-control extension) from the copies vendored in ``report/vendor/``
(all MIT, licences beside them) copied into ``gx/static/vendor/``, the logo from GX's own
``static/images/``, and every other remote ``<link>``/``<script src>`` removed (Font Awesome:
the status icons get characters; Vega, the dark theme), so opening the pages
loads nothing from the network, and the tables GX draws with bootstrap-table render.
"""

from __future__ import annotations

import re
import shutil
from importlib import resources
from pathlib import Path

BOOTSTRAP = "bootstrap-4.3.1.min.css"
# what a CDN address ends with -> the vendored file that replaces it (same versions as GX 1.x asks for)
LOCAL = {
    "/bootstrap/4.3.1/css/bootstrap.min.css": BOOTSTRAP,
    "/bootstrap-table.min.css": "bootstrap-table-1.19.1.min.css",
    "/bootstrap-table-filter-control.min.css": "bootstrap-table-filter-control-1.19.1.min.css",
    "/jquery-3.7.1.min.js": "jquery-3.7.1.min.js",
    "/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap-4.3.1.bundle.min.js",  # the bundle brings Popper
    "/bootstrap-table.min.js": "bootstrap-table-1.19.1.min.js",
    "/bootstrap-table-filter-control.min.js": "bootstrap-table-filter-control-1.19.1.min.js",
    "/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css": "bootstrap-datepicker-1.9.0.min.css",
    "/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js": "bootstrap-datepicker-1.9.0.min.js",  # filter-control needs it
}
LICENSES = ("LICENSE-bootstrap.txt", "LICENSE-jquery.txt", "LICENSE-bootstrap-table.txt", "LICENSE-bootstrap-datepicker.txt")
_URL = re.compile(r"""(?:href|src)=["']((?:https?:)?//[^"']*)["']""", re.I)
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
    def local(tag: str) -> str | None:
        url = _URL.search(tag)
        path = url.group(1).split("?")[0] if url else ""
        return next((name for end, name in LOCAL.items() if path.endswith(end)), None)

    def link(m: re.Match) -> str:
        name = local(m.group(0))
        if name is None:
            return ""
        extra = f'<link rel="stylesheet" href="{prefix}static/vendor/icons.css"/>' if name == BOOTSTRAP else ""
        return f'<link rel="stylesheet" href="{prefix}static/vendor/{name}"/>' + extra

    def script(m: re.Match) -> str:
        name = local(m.group(0))
        return f'<script src="{prefix}static/vendor/{name}"></script>' if name else ""

    html = _LINK.sub(link, html)
    html = _SCRIPT.sub(script, html)
    html = _LOCAL_STATIC.sub(lambda m: f"{m.group(1)}={m.group(2)}{prefix}static/", html)  # GX's own depth is off by one
    return _IMG_SRC.sub(lambda m: f'{m.group(1)}"{prefix}static/images/logo-long.png"', html)


def localize(gx_dir: Path) -> int:
    """Rewrite the Data Docs pages under ``gx_dir`` to load only local files; returns the pages rewritten."""
    from corpuscheck.atomic import write_text

    gx_dir = Path(gx_dir)
    vendor = gx_dir / "static" / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    source = resources.files("corpuscheck.report").joinpath("vendor")
    for name in (*LOCAL.values(), *LICENSES):
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

"""nginx configuration for a built handbook: rendered from the templates in scripts/handbook/nginx_templates/.

- ``inline_script_hashes``: the SHA-256 of every inline <script> the build wrote (what CSP's
  script-src allows instead of 'unsafe-inline'); an inline event handler or javascript: URL is an
  error, since such a policy would block it.
- ``redirects``: one exact ``location`` per moved page in permalinks.txt, answering 301 with the
  page's final address (moves followed to the end).
- ``render``: scripts/handbook/nginx_templates/{pedoman,rules,headers}.conf with @PREFIX@, @SITE@, @CONF@ and @CSP@
  filled in, plus redirects.conf, into one folder.
- ``server_config``: a complete nginx.conf for running that include unprivileged on 127.0.0.1 in
  the foreground (pid, temp files and logs in a folder of its own): `make preview`, the tests.

The command line is `handbook nginx` / `handbook preview`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from handbook import registry

TEMPLATES = Path(__file__).resolve().parent / "nginx_templates"  # package data
TEMPLATE_FILES = ("pedoman.conf", "rules.conf", "headers.conf")
# Types a browser runs as script; <script type="application/json"> (Material's __config) is data.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# What may appear inside a quoted nginx string or location path written from our inputs.
UNSAFE = re.compile(r'["\\;{}$\s\']')


class NginxError(Exception):
    """Unusable input for the configuration; the message names the file (and line) and the fix."""


class _InlineScripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.handlers: list[tuple[int, str]] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.handlers.append((self.getpos()[0], f'{tag} {name}="{value}"'))
        if tag == "script" and "src" not in values and (values.get("type") or "").lower() in SCRIPT_TYPES:
            self._inside, self._text = True, []

    def handle_data(self, data):
        if self._inside:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._inside:
            self.scripts.append("".join(self._text))
            self._inside = False


def inline_script_hashes(site: Path) -> list[str]:
    """Every distinct inline script of every HTML file, as CSP sources ('sha256-...'), sorted."""
    hashes = set()
    for path in sorted(site.rglob("*.html")):
        parser = _InlineScripts()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        if parser.handlers:
            line, what = parser.handlers[0]
            raise NginxError(
                f"{path.relative_to(site)}:{line}: inline script in an attribute ({what}); the "
                "Content-Security-Policy blocks it: move it into a script file or an inline <script>"
            )
        for text in parser.scripts:
            digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def content_security_policy(hashes: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes),
        # Styles only: the pages inline their CSS and Material writes style="" attributes.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def prefix_of(site_url: str) -> str:
    """The address path of SITE_URL: https://example.org/pedoman/ -> /pedoman/."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def site_prefix(site: Path) -> str:
    """The address path a built site was made for, from its home page's canonical link."""
    found = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    return prefix_of(found.group(1)) if found else "/"


def _safe(value: str, where: str) -> str:
    if UNSAFE.search(value):
        raise NginxError(f"{where}: '{value}' holds a character nginx cannot take here (quote, ;, braces, $ or space)")
    return value


def redirects(registry_file: Path, prefix: str) -> str:
    """Exact locations answering 301 for each moved page (section renames are handled in the page)."""
    entries = registry.read(registry_file)
    moved = registry.moves(entries)
    lines = [f"# Generated from {registry_file.name} by `handbook nginx` / `handbook preview`: do not edit.", ""]
    if prefix != "/":
        lines.append(f"location = {prefix.rstrip('/')} {{ absolute_redirect off; include @CONF@/headers.conf; return 301 {prefix}; }}")
    for entry in entries:
        old_page, old_fragment = registry.split(entry.address)
        if not entry.moved_to or old_fragment:
            continue
        target = registry.follow(entry.address, moved)
        where = f"{registry_file.name}:{entry.line}"
        old = prefix + _safe(old_page, where).lstrip("/")
        new = prefix + _safe(target, where).lstrip("/")
        for address in (old, old + "index.html"):
            lines.append(f"location = {address} {{ absolute_redirect off; include @CONF@/headers.conf; return 301 {new}; }}")
    return "\n".join(lines) + "\n"


def render(site: Path, out: Path, prefix: str, registry_file: Path, site_path: Path | None = None, conf_path: Path | None = None) -> Path:
    """Write the rendered include into ``out`` and return the path of its pedoman.conf.

    ``site`` is read for the inline scripts; ``site_path`` and ``conf_path`` are where the site and
    ``out`` will be on the server (default: where they are now).
    """
    if not prefix.startswith("/") or not prefix.endswith("/"):
        raise NginxError(f"prefix '{prefix}' must start and end with '/' (e.g. /pedoman/ or /)")
    _safe(prefix, "prefix")
    if not (site / "index.html").is_file():
        raise NginxError(f"{site}: no built site here (no index.html); run make site first")
    values = {
        "@PREFIX@": prefix,
        "@SITE@": _safe(str((site_path or site.resolve())).rstrip("/"), "site folder"),
        "@CONF@": _safe(str((conf_path or out.resolve())).rstrip("/"), "configuration folder"),
        "@CSP@": content_security_policy(inline_script_hashes(site)),
    }
    out.mkdir(parents=True, exist_ok=True)
    texts = {name: (TEMPLATES / name).read_text(encoding="utf-8") for name in TEMPLATE_FILES}
    texts["redirects.conf"] = redirects(registry_file, prefix)
    for name, text in texts.items():
        lines = text.splitlines(keepends=True)
        for token, value in values.items():  # comments keep the tokens: they explain the template
            lines = [line if line.lstrip().startswith("#") else line.replace(token, value) for line in lines]
        (out / name).write_text("".join(lines), encoding="utf-8")
    return out / "pedoman.conf"


def server_config(include: Path, run_dir: Path, port: int, host: str = "127.0.0.1") -> str:
    """A whole nginx.conf serving ``include`` on host:port, unprivileged, in the foreground.

    master_process off: one process that never changes user, so it can read what the invoking
    user can (also as root, where workers would otherwise drop to nobody).
    """
    run = run_dir.resolve()
    temp = "\n".join(f"    {kind}_temp_path {run}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""# Generated by `handbook nginx` / `handbook preview` for a local preview: do not edit.
daemon off;
master_process off;
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {run}/access.log;
{temp}
    sendfile on;
    server_tokens off;
    server {{
        listen {host}:{port};
        server_name localhost;
        include {include.resolve()};
    }}
}}
"""

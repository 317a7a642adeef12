"""Serve the built handbook through nginx, as a regency's server would (scripts/handbook/nginx_templates/).

Commands:
  render   fill in the templates of scripts/handbook/nginx_templates/ for a built site: the include pedoman.conf with
           rules.conf, headers.conf (CSP hashes of the site's inline scripts) and redirects.conf
           (moved pages of permalinks.txt), into --out. `make site` does this into build/nginx/,
           `make deploy` into each release.
  preview  render into --run-dir, write a whole nginx.conf there (pid, temp files, logs) and run
           Debian's nginx in the foreground on 127.0.0.1:--port, without root. Ctrl-C stops it.

Usage:
  handbook nginx render --site site --out build/nginx [--prefix /pedoman/]
                                      [--site-path /srv/pedoman/current/site --conf-path /srv/pedoman/current/nginx]
  handbook preview [--site site] [--port 8080] [--prefix /] [--run-dir build/preview]

--prefix defaults to the path of the site's own address (its canonical link, from SITE_URL).
Exit status: 0 done (preview: nginx stopped), 1 nginx failed, 2 unusable input.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from handbook import nginx

from handbook.project import ROOT
def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise nginx.NginxError("nginx is not installed: apt-get install nginx (or make system-packages)")
    return found


def prepare_preview(site: Path, port: int, prefix: str | None, run_dir: Path, registry_file: Path) -> list[str]:
    """Render the include and the server config into run_dir; return the nginx command line."""
    run_dir.mkdir(parents=True, exist_ok=True)
    include = nginx.render(site, run_dir / "conf", prefix or nginx.site_prefix(site), registry_file)
    config = run_dir / "nginx.conf"
    config.write_text(nginx.server_config(include, run_dir, port), encoding="utf-8")
    return [nginx_binary(), "-p", str(run_dir.resolve()), "-e", str((run_dir / "error.log").resolve()), "-c", str(config.resolve())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="fill in scripts/handbook/nginx_templates/ for a built site")
    preview = commands.add_parser("preview", help="serve the site through nginx on 127.0.0.1")
    for command in (render, preview):
        command.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
        command.add_argument("--prefix", help="address path it is served under (default: from the site's SITE_URL)")
        command.add_argument("--registry", type=Path, default=ROOT / "permalinks.txt", help="the permalink registry")
    render.add_argument("--out", type=Path, required=True, help="folder for the rendered files")
    render.add_argument("--site-path", type=Path, help="where the site will be on the server (default: --site)")
    render.add_argument("--conf-path", type=Path, help="where --out will be on the server (default: --out)")
    preview.add_argument("--port", type=int, default=8080)
    preview.add_argument("--run-dir", type=Path, default=ROOT / "build" / "preview", help="config, pid, temp files and logs")
    args = parser.parse_args(argv)
    try:
        if not (args.site / "index.html").is_file():
            raise nginx.NginxError(f"{args.site}: no built site here; run make site first or pass --site")
        if args.command == "render":
            prefix = args.prefix or nginx.site_prefix(args.site)
            include = nginx.render(args.site, args.out, prefix, args.registry, args.site_path, args.conf_path)
            print(f"nginx: {include} (served under {prefix})")
            return 0
        command = prepare_preview(args.site, args.port, args.prefix, args.run_dir, args.registry)
    except (nginx.NginxError, nginx.registry.RegistryError) as error:
        print(f"nginx_site: {error}", file=sys.stderr)
        return 2
    test = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    if test.returncode != 0:
        print(f"nginx_site: the configuration does not load:\n{test.stderr}", file=sys.stderr)
        return 1
    prefix = args.prefix or nginx.site_prefix(args.site)
    print(f"Serving {args.site} at http://127.0.0.1:{args.port}{prefix} (Ctrl-C stops; logs in {args.run_dir})", flush=True)
    # nginx takes this process's place: Ctrl-C or a SIGTERM to this pid stops nginx itself.
    os.execv(command[0], command)


if __name__ == "__main__":
    sys.exit(main())

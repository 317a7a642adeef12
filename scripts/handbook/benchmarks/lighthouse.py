"""Lighthouse on every page type: this handbook against a default Material build of the same pages,
both through nginx, in the same run (issue 21: light on a cheap phone's processor too).

Both sites are built here with their SITE_URL set to where they are served and served by `handbook
preview` (make preview: nginx with gzip, caching and the security headers). The default build is
Material with the same docs, Markdown extensions and i18n, but without the handbook plugin, custom
templates, extra CSS or JavaScript, and with ``font: false`` like ours (this machine has no
internet; Google Fonts would only fail). Lighthouse 12.2.3 (npm, pinned in handbook/npm_tools.py)
runs in its default mobile mode (simulated slow 4G, 4x CPU slowdown) on one page of each type,
interleaved (ours, default, next page...) for RUNS rounds; the median of each figure is printed:
performance score, FCP, LCP, TBT, CLS, bytes, and the main-thread work by kind.

The page types come from the configuration: home; the first page (by nav) of the values, local
context and cases sections; the index pages of the trainer guide, glossary and downloads sections;
and "about", the first page of the nav outside every section.

Goals (issue 21), per page type: performance >= 95; TBT no more than 50 ms above the default's on
the same page; LCP <= 2.0 s; CLS <= 0.02.

Run: handbook bench --only lighthouse [--runs N]   (about 15 s per Lighthouse run)
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

from handbook import chromium, mkdocs_run, npm_tools

RUNS = 3
METRICS = {  # audit id -> (label, unit)
    "first-contentful-paint": ("FCP", "s"),
    "largest-contentful-paint": ("LCP", "s"),
    "total-blocking-time": ("TBT", "ms"),
    "cumulative-layout-shift": ("CLS", ""),
    "total-byte-weight": ("bytes", "KB"),
}
GOALS = {"score": 95, "tbt_above_default": 50, "lcp_ms": 2000, "cls": 0.02}


def page_types(config) -> dict[str, str]:
    """{page type: site path} of one page of every type this handbook has, from its configuration."""
    from handbook.build import instance
    from handbook.downloads.book import nav_sources

    sections = {kind: folder.strip("/") for kind, folder in instance(config).config.sections.items() if folder}
    sources = nav_sources(config["nav"])

    def address(source: str) -> str:
        stem = source.removesuffix(".md")
        return "" if stem == "index" else stem.removesuffix("/index") + "/"

    found = {"home": ""}
    for kind, label in (("values", "character"), ("context", "local context"), ("cases", "case")):
        pages = [s for s in sources if kind in sections and s.startswith(sections[kind] + "/") and not s.endswith("index.md")]
        if pages:
            found[label] = address(pages[0])
    for kind, label in (("trainer_guide", "trainer guide"), ("glossary", "glossary"), ("downloads", "downloads")):
        if kind in sections:
            found[label] = sections[kind] + "/"
    outside = [s for s in sources if s != "index.md" and not any(s.startswith(folder + "/") for folder in sections.values())]
    if outside:
        found["about"] = address(outside[0])
    return found


def default_material_config(root: Path, folder: Path, config) -> Path:
    """Material's defaults over the same docs: the project's Markdown, nav and i18n; no handbook
    plugin, no custom templates, no extra CSS or JavaScript."""
    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", encoding="utf-8") as file:
        raw = yaml_load(file)
    plugins = [p for p in raw.get("plugins", []) if (next(iter(p)) if isinstance(p, dict) else p) in ("search", "i18n")]
    (folder / "no-overrides").mkdir(parents=True, exist_ok=True)
    target = folder / "mkdocs.yml"
    target.write_text(
        textwrap.dedent(f"""\
            INHERIT: {root / 'mkdocs.yml'}
            docs_dir: {root / 'docs'}
            theme:
              name: material
              custom_dir: {folder / 'no-overrides'}
              font: false
            extra_css: []
            extra_javascript: []
            validation:
              links: {{not_found: info, anchors: info, unrecognized_links: info}}
            """)
        + "plugins: " + json.dumps(plugins, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def through_nginx(site: Path, run_dir: Path, port: int):
    """`handbook preview` of ``site`` on ``port`` while the block runs."""
    command = [sys.executable, "-m", "handbook", "preview", "--site", str(site), "--port", str(port), "--run-dir", str(run_dir)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"make preview of {site} did not start: {server.stderr.read()[-400:].strip()}") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def lighthouse_report(url: str, categories: tuple[str, ...] = ("performance",)) -> dict:
    """Lighthouse 12's JSON report of one mobile run on Debian's Chromium (page_weight.py uses it too)."""
    cli = npm_tools.ensure("lighthouse")
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            ["node", str(cli), url, "--output=json", "--quiet", "--only-categories=" + ",".join(categories),
             f"--chrome-flags=--headless=new {' '.join(chromium.ARGS)} --user-data-dir={profile}"],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium.EXECUTABLE}, timeout=300,
        )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse {url} failed: {result.stderr[-1500:]}")
    return json.loads(result.stdout)


def run_lighthouse(url: str) -> dict:
    """One Lighthouse mobile run: the performance score, the metrics and the main-thread work."""
    report = lighthouse_report(url)
    audits = report["audits"]
    found = {"score": round(report["categories"]["performance"]["score"] * 100)}
    found.update({audit: audits[audit]["numericValue"] for audit in METRICS})
    found["main thread"] = {item["groupLabel"]: item["duration"] for item in audits["mainthread-work-breakdown"]["details"]["items"]}
    return found


def _median(runs: list[dict]) -> dict:
    median = {key: statistics.median(run[key] for run in runs) for key in ("score", *METRICS)}
    groups = sorted({group for run in runs for group in run["main thread"]})
    median["main thread"] = {group: statistics.median(run["main thread"].get(group, 0) for run in runs) for group in groups}
    return median


def _shown(audit: str, value: float) -> str:
    unit = METRICS[audit][1]
    if unit == "s":
        return f"{value / 1000:.2f} s"
    if unit == "ms":
        return f"{value:.0f} ms"
    if unit == "KB":
        return f"{value / 1024:.0f} KB"
    return f"{value:.3f}"


def main(root: Path, runs: int = RUNS) -> dict:
    from handbook import project

    config = project.load_config()
    types = page_types(config)
    print(f"Lighthouse 12 (mobile) through nginx, median of {runs}, interleaved: this handbook / default Material")
    results: dict[tuple[str, str], list[dict]] = {}
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        ports = {"ours": free_port(), "default": free_port()}
        configs = {"ours": root / "mkdocs.yml", "default": default_material_config(root, work / "default", config)}
        for label in ("ours", "default"):  # from the project folder: the snippets' base_path is relative to it
            subprocess.run(mkdocs_run.command(work / f"{label}-site", configs[label], strict=False), cwd=root, check=True,
                           env=mkdocs_run.environment(SITE_URL=f"http://127.0.0.1:{ports[label]}/"), capture_output=True)
        with through_nginx(work / "ours-site", work / "ours-run", ports["ours"]) as ours, \
                through_nginx(work / "default-site", work / "default-run", ports["default"]) as default:
            bases = {"ours": ours, "default": default}
            for _ in range(runs):
                for name, path in types.items():
                    for label in ("ours", "default"):
                        results.setdefault((name, label), []).append(run_lighthouse(bases[label] + path))
    medians = {key: _median(value) for key, value in results.items()}
    _print(types, medians)
    return medians


def _print(types: dict, medians: dict) -> None:
    header = f"  {'page type':14} {'site':8} {'score':>5} " + " ".join(f"{METRICS[a][0]:>8}" for a in METRICS) + "   main thread (ms): style & layout, script evaluation, rendering, other"
    print(header)
    misses = []
    for name, path in types.items():
        for label in ("ours", "default"):
            m = medians[(name, label)]
            work = m["main thread"]
            style = work.get("Style & Layout", 0)
            script = work.get("Script Evaluation", 0)
            paint = work.get("Rendering", 0)
            other = sum(work.values()) - style - script - paint
            print(f"  {name:14} {label:8} {m['score']:5.0f} " + " ".join(f"{_shown(a, m[a]):>8}" for a in METRICS)
                  + f"   {style:6.0f} {script:6.0f} {paint:6.0f} {other:6.0f}   /{path}")
        ours, default = medians[(name, "ours")], medians[(name, "default")]
        checks = {
            f"score {ours['score']:.0f} >= {GOALS['score']}": ours["score"] >= GOALS["score"],
            f"TBT {ours['total-blocking-time'] - default['total-blocking-time']:+.0f} ms vs default (<= +{GOALS['tbt_above_default']})":
                ours["total-blocking-time"] <= default["total-blocking-time"] + GOALS["tbt_above_default"],
            f"LCP {ours['largest-contentful-paint'] / 1000:.2f} s <= 2.0": ours["largest-contentful-paint"] <= GOALS["lcp_ms"],
            f"CLS {ours['cumulative-layout-shift']:.3f} <= {GOALS['cls']}": ours["cumulative-layout-shift"] <= GOALS["cls"],
        }
        print(f"  {'':14} goals: " + "; ".join(f"{text}: {'met' if ok else 'MISSED'}" for text, ok in checks.items())
              + f"; bytes ours / default = {ours['total-byte-weight'] / default['total-byte-weight']:.2f}")
        misses += [f"{name}: {text}" for text, ok in checks.items() if not ok]
    print(f"  {len(misses)} goal(s) missed" + (": " + "; ".join(misses) if misses else ""))
    print()

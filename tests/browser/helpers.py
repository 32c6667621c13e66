"""The browser, axe-core and the Nu HTML checker, as the browser tests use them.

Only Debian's Chromium is ever driven (never a browser Playwright downloads), and
axe-core and vnu.jar come from the project's npm packages (``make setup``).
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

from tests.tools import require

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# WCAG 2.1 levels A and AA, nothing stricter and no best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}


def require_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        require(False, "Playwright for Python", "run `make setup`")
    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})", "run `make browser-deps` (apt-get install chromium)")
    require(AXE.exists(), f"axe-core ({AXE})", "run `make setup` (npm ci)")


def require_validator():
    install_java = "run `make browser-deps` (apt-get install default-jre-headless)"
    require(shutil.which("java"), "A Java runtime (java)", install_java)
    require(VNU.exists(), f"The Nu HTML checker ({VNU})", "run `make setup` (npm ci)")


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


# ---------------------------------------------------------------- axe-core

def axe_violations(page):
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now (axe is added unless already there)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """tags => axe.run(document, {
          runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], iframes: false,
        })""",
        AXE_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "impact": violation.get("impact"),
            "help": violation["help"],
            "nodes": [
                {"target": " ".join(map(str, node["target"])), "html": node["html"]} for node in violation["nodes"]
            ],
        }
        for violation in results["violations"]
    ]


def describe_violations(checks, nodes_per_page=5):
    """The violations by rule: for each, every page it is on and its elements (target and HTML)."""
    by_rule = {}
    for check in checks:
        for violation in check.violations:
            rule = by_rule.setdefault(violation["id"], {"violation": violation, "pages": []})
            rule["pages"].append((check, violation["nodes"]))
    lines = []
    for rule_id, rule in sorted(by_rule.items()):
        violation = rule["violation"]
        lines.append(f"{rule_id} ({violation['impact']}): {violation['help']}, on {len(rule['pages'])} page(s)")
        for check, nodes in rule["pages"]:
            lines.append(f"  {check.describe()}")
            for node in nodes[:nodes_per_page]:
                lines.append(f"    {node['target']}: {shorten(node['html'])}")
            if len(nodes) > nodes_per_page:
                lines.append(f"    … and {len(nodes) - nodes_per_page} more elements")
    return "\n".join(lines)


# ---------------------------------------------------------------- layout

# The document must not scroll sideways at 320 px; what sticks out names the culprit:
# a box reaching past the edge, or text running out of its box (a long word), the
# innermost ones only. A table may scroll inside .table-responsive, but what is
# positioned absolutely against something outside it escapes it.
OVERFLOW_JS = """() => {
  const width = document.documentElement.scrollWidth;
  const edge = window.innerWidth + 1;
  const found = [];
  if (width > window.innerWidth) {
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      const holder = el.closest('.table-responsive');
      if (holder) {
        const positioned = ['absolute', 'fixed'].includes(style.position);
        const parent = el.offsetParent;
        if (!positioned || (parent && (parent === holder || holder.contains(parent)))) continue;
      }
      const box = el.getBoundingClientRect();
      const past = box.right > edge && box.width > 0;
      const spills = style.overflowX === 'visible' && el.clientWidth > 1 && box.left + el.scrollWidth > edge;
      if (past || spills) found.push(el);
    }
  }
  const innermost = found.filter(el => !found.some(other => other !== el && el.contains(other)));
  const name = el => {
    const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
    const cls = classes.map(name => '.' + name).join('');
    const text = (el.innerText || '').trim().slice(0, 40);
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + (text ? ' "' + text + '"' : '');
  };
  return {width, offenders: innermost.slice(0, 5).map(name)};
}"""


def narrow_overflow(page):
    """(document width, elements sticking out) at 320 px; the viewport is put back afterwards."""
    viewport = page.viewport_size
    page.set_viewport_size(NARROW)
    try:
        result = page.evaluate(OVERFLOW_JS)
    finally:
        page.set_viewport_size(viewport)
    return result["width"], result["offenders"]


# ---------------------------------------------------------------- keyboard

def focused(page):
    """What has the keyboard focus: tag, text, href, id, name, and whether it can be seen."""
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const box = el.getBoundingClientRect();
          return {
            tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name'),
            text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim(),
            href: el.getAttribute('href'), expanded: el.getAttribute('aria-expanded'),
            // Bootstrap's visually-hidden leaves a 1 px box: focus there is lost to a sighted user.
            visible: box.width > 1 && box.height > 1 && getComputedStyle(el).visibility !== 'hidden'
              && getComputedStyle(el).opacity !== '0',
          };
        }"""
    )


def tab_until(page, wanted, limit=60, key="Tab"):
    """Press Tab until ``wanted(focused)`` holds; every stop on the way must be visible."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        element = focused(page)
        if element is None:
            continue
        assert element["visible"], f"The keyboard focus went to an invisible element: {element}"
        stops.append(element)
        if wanted(element):
            return element
    path = "\n".join(f"  {stop['tag']} {stop['text'][:40]!r} {stop['href'] or ''}" for stop in stops)
    raise AssertionError(f"{limit} presses of {key} never reached the element. Focus went:\n{path}")


# ---------------------------------------------------------------- Nu HTML checker

def validate_html(documents):
    """Check many documents with one run of vnu.jar.

    ``documents`` maps a label (the page, for the report) to its HTML; returns the
    errors as ``(label, line, message, extract)``. Warnings are allowed.
    """
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        labels = {}
        for number, (label, html) in enumerate(documents.items()):
            path = Path(folder) / f"page-{number:04d}.html"
            path.write_text(html, encoding="utf-8")
            labels[path.resolve().as_uri()] = label
            labels[str(path)] = label
        completed = subprocess.run(
            ["java", "-jar", str(VNU), "--format", "json", "--stdout", "--exit-zero-always", "--errors-only",
             "--no-langdetect", *sorted(str(path) for path in Path(folder).iterdir())],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if not completed.stdout.strip():
            raise RuntimeError(f"vnu.jar gave no report (exit {completed.returncode}): {completed.stderr}")
        messages = json.loads(completed.stdout)["messages"]
    errors = []
    for message in messages:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        url = message.get("url", "")
        label = labels.get(url) or labels.get(url.replace("file:", "", 1)) or url
        errors.append((label, message.get("lastLine"), message["message"], message.get("extract", "")))
    return errors


def describe_html_errors(errors, pages_per_message=8):
    """The validator's errors by message: each page once, with its first line and the markup there."""
    by_message = {}
    for label, line, message, extract in errors:
        # One entry for "Bad value “a”…" and "Bad value “b”…": the values show in each line.
        kind = re.sub(r"“[^”]*”", "“…”", message)
        by_message.setdefault(kind, {}).setdefault(label, (line, message, extract))
    lines = []
    for kind, pages in by_message.items():
        lines.append(f"{kind} (on {len(pages)} page(s))")
        for label, (line, message, extract) in list(pages.items())[:pages_per_message]:
            detail = f" {message}" if message != kind else ""
            lines.append(f"  {label}, line {line}:{detail} {shorten(extract, 120)}")
        if len(pages) > pages_per_message:
            lines.append(f"  … and {len(pages) - pages_per_message} more pages")
    return "\n".join(lines)


def shorten(text, limit=200):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

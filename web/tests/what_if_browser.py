#!/usr/bin/python3
"""CTest what_if_browser_*: the what-if page (report --interactief) in headless Chromium, driven by
chromium-driver and python3-selenium (Debian packages).

    what_if_browser.py BEGROTING_EXE SCENARIO.yaml WORKDIR

Opens the page from file://, moves the SO growth control to 6% and the bedrag per leerling 2027 to
452,37, and checks the shown eigen vermogen per year against `begroting run --set ...` to the euro;
runs the goal seek and compares it with `begroting solve` (the lowest answer over the target years);
saves the scenario (download) and runs it with `begroting run`: the same cents as the --set run.
With onzekerheden: the needed weerstandsvermogen at 90% against `begroting risk`. Fails on any
console message. Keeps a screenshot WORKDIR/NAAM.png and prints the time to the first figures and
of a recomputation (figures, not limits: speed targets are not asserted in tests).
"""
import glob
import json
import os
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

exe, scenario, workdir = sys.argv[1:4]
name = os.path.splitext(os.path.basename(scenario))[0]
workdir = os.path.abspath(os.path.join(workdir, name))
downloads = os.path.join(workdir, "downloads")
os.makedirs(downloads, exist_ok=True)
for f in glob.glob(os.path.join(downloads, "*")):
    os.remove(f)
page = os.path.join(workdir, name + ".html")
subprocess.run([exe, "report", scenario, "--format", "html", "--interactief", "--date", "2026-11-30", "--output", page], check=True)
size = os.path.getsize(page)
print(f"pagina: {size / 1e6:.2f} MB")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FOUT: " + what, file=sys.stderr)


check(size < 2_000_000, f"de pagina is {size} bytes; verwacht minder dan 2 MB")


def cli_json(*args):
    return json.loads(subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout)


def whole_euros(e):
    """Euros (with cents) -> whole euros, half away from zero, as the page rounds from the cents."""
    c = round(e * 100)
    return (1 if c >= 0 else -1) * ((abs(c) + 50) // 100)


def nl_int(text):
    t = text.strip().replace(".", "").replace("\u2212", "-")
    return int(t)


opts = webdriver.ChromeOptions()
opts.binary_location = "/usr/bin/chromium"
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
          "--lang=nl-NL", "--no-first-run", "--disable-extensions"):
    opts.add_argument(a)
opts.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
try:
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    driver.get("file://" + page)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.dataset.klaar === 'ja'"))
    first = float(driver.execute_script("return document.body.dataset.klaarMs"))
    print(f"eerste cijfers na {first:.0f} ms (doel: binnen 1 s)")

    def shown(regel):
        return driver.execute_script(
            "return [...document.querySelectorAll('td[data-regel=\"' + arguments[0] + '\"]')].map(td => [Number(td.dataset.jaar), td.firstChild.textContent]);",
            regel)

    def computed_after(action):
        n = driver.execute_script("return Number(document.body.dataset.berekeningen)")
        action()
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return Number(document.body.dataset.berekeningen)") > n)

    def type_into(element_id, text):
        el = driver.find_element(By.ID, element_id)
        el.send_keys(Keys.CONTROL, "a")
        el.send_keys(Keys.DELETE)
        computed_after(lambda: el.send_keys(text))

    sets = ["leerlingen.so_cat1.groei=0.06", "leerlingen.so_cat2.groei=0.06", "leerlingen.so_cat3.groei=0.06"]
    type_into("c-so", "6")
    type_into("b-2027", "452,37")
    driver.find_element(By.ID, "b-2027").send_keys(Keys.TAB)  # blur: the field shows the value in Dutch notation
    sets.append("regulier_onderwijs.ondersteuningsbedrag_per_leerling.2027=452.37")
    time.sleep(0.2)
    print("herberekening: %s ms" % driver.execute_script("return document.body.dataset.rekentijdMs"))
    args = [a for s in sets for a in ("--set", s)]
    native = cli_json("run", scenario, "--format", "json", *args)
    ev_page = dict((y, nl_int(t)) for y, t in shown("eigen_vermogen_31_december"))
    check(len(ev_page) == len(native["years"]), f"eigen vermogen: {len(ev_page)} jaren getoond")
    for i, y in enumerate(native["years"]):
        want = whole_euros(native["lines"]["eigen_vermogen_31_december"][i])
        check(ev_page.get(y) == want, f"eigen vermogen {y}: pagina {ev_page.get(y)}, begroting run {want}")
    points = driver.execute_script(
        "return [...document.querySelectorAll('circle[data-series=\"eigen_vermogen\"]')].map(c => [Number(c.dataset.year), Number(c.dataset.value)]);")
    check(dict(points) == ev_page, f"grafiek en tabel verschillen: {points} / {ev_page}")

    # Goal seek with the same changes (the bedrag itself is what is sought).
    driver.find_element(By.ID, "zoek").send_keys(Keys.ENTER)  # keyboard, as a user without a mouse
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "zoek-waarde") or d.find_elements(By.CSS_SELECTOR, "#zoek-uitkomst .fout"))
    got = driver.execute_script("const e = document.getElementById('zoek-waarde'); return e ? Number(e.dataset.waarde) : null")
    years = native["years"]
    answers = []
    r = subprocess.run([exe, "solve", scenario, "--param", "regulier_onderwijs.ondersteuningsbedrag_per_leerling",
                        "--years", f"{years[1]}-{years[-1]}", "--target", "eigen_vermogen_31_december", "--every-year",
                        "--at-least-line", "weerstandsvermogen_niveau", "--format", "json", *args[:6]], capture_output=True, text=True)
    check(r.returncode == 0, f"solve --every-year: {r.stderr.strip()}")
    if r.returncode == 0:
        answers.append(json.loads(r.stdout)["answer"]["value"])
    print(f"doelzoeken: pagina {got}, begroting solve {min(answers) if answers else None}")
    check(got is not None and answers and got == min(answers), f"doelzoeken: pagina {got}, solve {answers}")

    if driver.execute_script("return !document.getElementById('risico').hidden"):
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.risicoKlaar === 'ja'"))
        risk = cli_json("risk", scenario, "--paths", "10000", "--seed", "2024", "--format", "json", *args)
        page90 = dict((y, nl_int(t)) for y, t in shown("benodigd_90"))
        for i, y in enumerate(risk["years"]):
            want = whole_euros(risk["benodigd_weerstandsvermogen"]["90"][i])
            check(page90.get(y) == want, f"benodigd weerstandsvermogen 90% {y}: pagina {page90.get(y)}, begroting risk {want}")
        print("waaier: " + driver.find_element(By.ID, "risico-status").text)

    # Save as a child scenario and run it.
    driver.find_element(By.ID, "bewaar").click()
    deadline = time.time() + 20
    saved = []
    while time.time() < deadline and not saved:
        saved = [f for f in glob.glob(os.path.join(downloads, "*.yaml"))]
        time.sleep(0.1)
    check(len(saved) == 1, f"bewaard scenario: {saved}")
    if saved:
        print(open(saved[0], encoding="utf-8").read())
        child = cli_json("run", saved[0], "--format", "json")
        for line, values in native["lines"].items():
            check(child["lines"][line] == values, f"bewaard scenario {line}: {child['lines'][line]} tegen {values}")

    # Screenshot of the whole page at 1280 px.
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(height + 40, 4000))
    driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur();")
    driver.save_screenshot(os.path.join(workdir, name + ".png"))
    print("schermafdruk: " + os.path.join(workdir, name + ".png"))

    logs = [e for e in driver.get_log("browser")]
    for e in logs:
        check(False, f"console: {e['level']} {e['message']}")
finally:
    driver.quit()

if failures:
    print(f"{len(failures)} fout(en)", file=sys.stderr)
    sys.exit(1)
print("wat-als-pagina: alles gelijk aan begroting run, solve en risk")

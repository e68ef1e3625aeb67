"""`pejling serve` in real headless Chromium: an open page follows the content file.

Each test starts `pejling serve` on a copy of content/ and Templates/ in a temporary
folder and a free port, opens a page, and edits the copy:

- test_edit_shows_without_reload: a saved edit shows in the open page within 2 s
  (the page, the self-contained file and the CMS fragment);
- test_error_page_and_back: a broken file replaces the page with the error page
  (file:line:col, message, source line), and fixing it brings the page back, scrolled
  to where the reader was;
- test_stylesheet_change_applies: a changed stylesheet applies without a reload.

A window-level JavaScript value set before the edit must still be there afterwards:
the page was updated in place, not navigated or reloaded. The server must stop with
exit status 0 on SIGINT (Ctrl-C) at the end of each test.

PEJLING_BIN names the pejling binary (default: .build/debug/pejling; `make test`
builds it first).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEADLINE = 2.0  # seconds from saving a file to seeing it in the open page
MARKER = "window.__pejlingTestMarker"


def pejling_binary() -> Path:
    path = Path(os.environ.get("PEJLING_BIN") or REPO / ".build" / "debug" / "pejling")
    if not path.is_file():
        pytest.fail(f"no pejling binary at {path}: run `swift build` first, or set PEJLING_BIN", pytrace=False)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    content: Path
    templates: Path
    output: list[str] = field(default_factory=list)

    def status(self) -> dict:
        with urllib.request.urlopen(self.url + "_pejling/status", timeout=5) as response:
            return json.load(response)

    def log(self) -> str:
        return "".join(self.output)


def read_into(stream, lines: list[str]) -> None:
    for line in iter(stream.readline, ""):
        lines.append(line)


@pytest.fixture
def server(tmp_path):
    """`pejling serve` on a copy of the demo content; stopped with SIGINT afterwards."""
    binary = pejling_binary()
    content = tmp_path / "content"
    templates = tmp_path / "Templates"
    shutil.copytree(REPO / "content", content)
    shutil.copytree(REPO / "Templates", templates)
    port = free_port()
    process = subprocess.Popen(
        [str(binary), "serve", "--content", str(content), "--templates", str(templates), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
    )
    running = Server(process=process, url=f"http://127.0.0.1:{port}/", content=content, templates=templates)
    reader = threading.Thread(target=read_into, args=(process.stdout, running.output), daemon=True)
    reader.start()
    deadline = time.monotonic() + 120
    while "Viser " not in running.log():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"pejling serve did not start:\n{running.log()}", pytrace=False)
        time.sleep(0.05)
    yield running
    process.send_signal(signal.SIGINT)
    try:
        code = process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail(f"pejling serve did not stop within 15 s of SIGINT:\n{running.log()}", pytrace=False)
    reader.join(timeout=5)
    assert code == 0, f"pejling serve exited with {code} after SIGINT:\n{running.log()}"


def open_and_listen(browser, server: Server, path: str) -> None:
    """Opens `path` and waits until its reload script listens, then sets the marker."""
    before = server.status()["subscribers"]
    browser.get(server.url + path.lstrip("/"))
    deadline = time.monotonic() + 10
    while server.status()["subscribers"] <= before:
        if time.monotonic() > deadline:
            pytest.fail(f"the page at {path} never opened its event stream", pytrace=False)
        time.sleep(0.05)
    browser.execute_script(f"{MARKER} = 'same page';")


def marker(browser) -> str | None:
    return browser.execute_script(f"return {MARKER} || null;")


def wait_for(browser, condition, what: str, server: Server, timeout: float = DEADLINE) -> float:
    """Polls `condition(browser)` until it is true; returns the seconds it took."""
    started = time.monotonic()
    while True:
        if condition(browser):
            return time.monotonic() - started
        if time.monotonic() - started > timeout:
            body = browser.execute_script("return document.body ? document.body.innerText : ''")
            pytest.fail(
                f"{what} did not happen within {timeout} s.\n--- page text ---\n{body[:1500]}\n"
                f"--- server ---\n{server.log()[-3000:]}",
                pytrace=False,
            )
        time.sleep(0.02)


def body_text(browser) -> str:
    return browser.execute_script("return document.body ? document.body.innerText : ''")


def save(path: Path, text: str) -> None:
    """Saves like an editor: the whole file rewritten in place."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


@pytest.mark.parametrize("page", ["/egelund/", "/egelund/egelund.html", "/egelund/indlejring.html"])
def test_edit_shows_without_reload(browser, server, page):
    analysis = server.content / "kommuner" / "egelund" / "analyse.md"
    original = analysis.read_text(encoding="utf-8")
    old = "Denne rapport er forløbets første del"
    new = "Denne sætning er skrevet af browsertesten lige nu"
    assert old in original
    open_and_listen(browser, server, page)
    assert old in body_text(browser)
    browser.execute_script("window.scrollTo(0, 400);")

    save(analysis, original.replace(old, new))
    took = wait_for(browser, lambda b: new in body_text(b), "the edited sentence showing", server)

    assert old not in body_text(browser)
    assert marker(browser) == "same page", "the page was reloaded or navigated instead of updated in place"
    assert browser.execute_script("return window.scrollY") > 0, "the scroll position was lost"
    assert browser.execute_script("return document.querySelectorAll('script[data-pejling-reload]').length") == 1
    print(f"{page}: edit visible after {took:.2f} s")


def test_error_page_and_back(browser, server):
    analysis = server.content / "kommuner" / "egelund" / "analyse.md"
    original = analysis.read_text(encoding="utf-8")
    assert "dato: 2024-04-22" in original
    open_and_listen(browser, server, "/egelund/")
    heading = browser.find_element("css selector", "h1").text
    assert heading == "Egelund Kommune"
    browser.execute_script("window.scrollTo(0, 700);")
    assert browser.execute_script("return window.scrollY") == 700

    # An impossible date on line 3 of the front matter.
    save(analysis, original.replace("dato: 2024-04-22", "dato: 2024-02-30"))
    wait_for(browser, lambda b: "Siden kunne ikke bygges" in body_text(b), "the error page showing", server)
    assert browser.execute_script("return window.scrollY") == 0, "the error page does not start at its top"
    text = body_text(browser)
    assert "kommuner/egelund/analyse.md:3:7" in text, text
    assert "dato: 2024-02-30" in text, "the source line is not shown"
    assert marker(browser) == "same page"
    assert server.status()["failed"] is True

    # Every other page shows the error too, with status 500.
    try:
        urllib.request.urlopen(server.url + "mosedal/", timeout=5)
        pytest.fail("/mosedal/ answered 200 while the build fails", pytrace=False)
    except urllib.error.HTTPError as error:
        assert error.code == 500
        assert "Siden kunne ikke bygges" in error.read().decode("utf-8")

    save(analysis, original)
    wait_for(browser, lambda b: "Siden kunne ikke bygges" not in body_text(b) and
             b.find_element("css selector", "h1").text == "Egelund Kommune", "the page coming back", server)
    assert "Denne rapport er forløbets første del" in body_text(browser)
    assert marker(browser) == "same page"
    assert server.status()["failed"] is False
    scrolled = browser.execute_script("return window.scrollY")
    assert abs(scrolled - 700) <= 2, f"the page came back scrolled to {scrolled}, not where the reader was (700)"


def test_stylesheet_change_applies(browser, server):
    stylesheet = server.templates / "assets" / "pejling.css"
    original = stylesheet.read_text(encoding="utf-8")
    open_and_listen(browser, server, "/")
    colour = "return getComputedStyle(document.querySelector('h1')).outlineColor"
    assert browser.execute_script(colour) != "rgb(1, 2, 3)"

    save(stylesheet, original + "\nh1 { outline: 3px solid rgb(1, 2, 3); }\n")
    wait_for(browser, lambda b: b.execute_script(colour) == "rgb(1, 2, 3)", "the new stylesheet applying", server)
    assert marker(browser) == "same page"

"""Open built HTML in headless Chromium, click an ``:option:`` link and report where it lands.

Usage::

    python tests/browser_check.py HTML_DIR PAGE ANCHOR [--screenshot FILE.png]

HTML_DIR is a Sphinx HTML output folder, PAGE a page in it (``index.html``) holding a link to
``#ANCHOR`` (on that page or another one). The script serves HTML_DIR on 127.0.0.1, opens PAGE,
clicks the link, and prints a JSON report: the URL reached, whether the element with id ANCHOR
is in view, its text, and facts about the theme's stylesheets. It exits 1 when the link is
missing or does not land on its entry. Chromium is driven over its DevTools pipe, so nothing
beyond the standard library and Debian's ``chromium`` package is needed.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import functools
import http.server
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: Flags that let Chromium run headless as root in a container, offline and without leftovers.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
)
#: Longest wait for one answer from the browser; only a hung browser ever reaches it.
PATIENCE_SECONDS = 60.0


def chromium() -> str | None:
    """The Chromium executable on PATH, if any."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class DevTools:
    """A Chromium process and the DevTools protocol spoken over its pipe (fds 3 and 4)."""

    def __init__(self, executable: str, profile: str) -> None:
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def wire_pipes() -> None:
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)
            # A pipe that already is fd 3 (a process with nothing else open) is not copied by
            # dup2 and keeps its close-on-exec flag: the browser would find no pipe.
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self._process = subprocess.Popen(
            [
                executable,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=wire_pipes,
            start_new_session=True,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    def close(self) -> None:
        # Browser.close lets Chromium's helper processes finish writing the profile before it is
        # deleted; the process group (Chromium's own, made at start) catches any that linger.
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.call("Browser.close")
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout=PATIENCE_SECONDS)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signal.SIGKILL)
        self._process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and return its result (events that arrive meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._receive()
            if answer.get("id") != self._next_id:
                self._events.append(answer)
                continue
            if "error" in answer:
                raise RuntimeError(f"{method}: {answer['error']}")
            return dict(answer.get("result", {}))

    def wait_for(self, method: str) -> dict[str, Any]:
        """Return the next event named *method*."""
        while True:
            for position, event in enumerate(self._events):
                if event.get("method") == method:
                    return self._events.pop(position)
            self._events.append(self._receive())

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_browser], [], [], PATIENCE_SECONDS)
            if not ready:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return dict(json.loads(raw))


class Page:
    """One browser tab."""

    def __init__(self, tools: DevTools) -> None:
        self._tools = tools
        target = tools.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = tools.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.call("Page.enable")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        return self._tools.call(method, self._session, **params)

    def open(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self._tools.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))


_CLICK = """(() => {
  const link = [...document.querySelectorAll(%(links)s)].find(
    (a) => a.getAttribute("href").endsWith("#" + %(anchor)s) && !a.classList.contains("headerlink")
  );
  if (!link) return null;
  const leaves = link.pathname !== location.pathname;
  link.click();
  return {text: link.textContent, leaves};
})()"""

_LANDING = """(async () => {
  const entry = document.getElementById(%(anchor)s);
  // A theme's scripts may lay the page out after the load event; the browser scrolls to the
  // fragment once layout settles. Give it up to 50 frames.
  for (let frame = 0; entry && frame < 50; frame++) {
    const box = entry.getBoundingClientRect();
    if (box.bottom > 0 && box.top < window.innerHeight / 2) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!entry) return {url: location.href, found: false};
  const box = entry.getBoundingClientRect();
  const sheets = [...document.styleSheets].filter((sheet) => {
    try { return sheet.cssRules.length > 0; } catch (error) { return false; }
  });
  return {
    url: location.href,
    found: true,
    tag: entry.tagName.toLowerCase(),
    text: entry.textContent.replace(/\\s+/g, " ").trim(),
    top: box.top,
    bottom: box.bottom,
    viewport: window.innerHeight,
    in_view: box.bottom > 0 && box.top < window.innerHeight / 2 && box.height > 0,
    stylesheets: sheets.map((sheet) => (sheet.href || "inline").split("/").pop().split("?")[0]),
    body_font: getComputedStyle(document.body).fontFamily,
  };
})()"""


@contextlib.contextmanager
def _served(folder: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def check(
    html_dir: Path,
    page: str,
    anchor: str,
    screenshot: Path | None = None,
    within: str = "",
) -> dict[str, Any]:
    """Open *page*, click its link to ``#anchor`` (the first one inside the elements the CSS
    selector *within* picks, if given) and describe where the browser landed."""
    executable = chromium()
    if executable is None:
        raise RuntimeError("no chromium on PATH (Debian: apt-get install chromium)")
    with (
        _served(html_dir) as base,
        tempfile.TemporaryDirectory(
            prefix="argdoc-chromium-", ignore_cleanup_errors=True
        ) as profile,
    ):
        tools = DevTools(executable, profile)
        try:
            tab = Page(tools)
            tab.open(base + page)
            links = json.dumps(f"{within} a[href]".strip())
            clicked = tab.evaluate(_CLICK % {"anchor": json.dumps(anchor), "links": links})
            if clicked is None:
                return {"clicked": None, "found": False, "in_view": False}
            if clicked["leaves"]:
                tools.wait_for("Page.loadEventFired")
            report = dict(tab.evaluate(_LANDING % {"anchor": json.dumps(anchor)}))
            report["clicked"] = clicked["text"]
            if screenshot is not None:
                tab.screenshot(screenshot)
            return report
        finally:
            tools.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html_dir", type=Path, help="Sphinx HTML output folder.")
    parser.add_argument("page", help="Page with the link, relative to HTML_DIR.")
    parser.add_argument("anchor", help="Id of the option entry the link points to.")
    parser.add_argument("--screenshot", type=Path, help="Save a PNG of the landing view here.")
    args = parser.parse_args(argv)
    report = check(args.html_dir, args.page, args.anchor, args.screenshot)
    print(json.dumps(report, indent=2))
    return 0 if report.get("found") and report.get("in_view") else 1


if __name__ == "__main__":
    sys.exit(main())

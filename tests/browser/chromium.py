"""Headless Chromium for the browser tests: Debian's `chromium` and `chromium-driver` packages,
driven from Python with Selenium (no browser download: Selenium is pointed at /usr/bin/chromedriver,
which Debian builds from the same release as /usr/bin/chromium).

`ensure_installed()` installs both packages with apt-get when they are missing, so CI and a fresh
machine run the browser tests; it skips only when they are missing and we are not root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# a small CJK font (Simplified and Traditional), so pages and screenshots show Chinese text
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
PACKAGES = ("chromium", "chromium-driver", "fonts-wqy-microhei")
# what this closed network needs: no background requests to Google's hosts, no QUIC
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,1000",
)


def _present() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists() and Path(CJK_FONT).exists()


def ensure_installed() -> None:
    if _present():
        return
    if os.geteuid() != 0:
        pytest.skip(f"{CHROMIUM}, {CHROMEDRIVER} or {CJK_FONT} is missing and installing them needs root: "
                    f"run `apt-get install -y {' '.join(PACKAGES)}`")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *PACKAGES]
    done = subprocess.run(install, env=env, capture_output=True, text=True)
    if done.returncode != 0:  # an old or empty package list: update it once and try again
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, text=True)
        done = subprocess.run(install, env=env, capture_output=True, text=True)
    if done.returncode != 0 or not _present():
        pytest.fail(f"could not install {' '.join(PACKAGES)} with apt-get:\n{done.stderr[-2000:]}")


def start():
    """A headless Chromium under Selenium, with a fresh profile. Call quit() when done."""
    ensure_installed()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="verifier-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    original_quit = driver.quit

    def quit() -> None:
        try:
            original_quit()
        finally:
            shutil.rmtree(profile, ignore_errors=True)

    driver.quit = quit  # type: ignore[method-assign]
    return driver


def viewport(driver, width: int, height: int, mobile: bool = False) -> None:
    """Lay pages out as a screen of this size (a phone with `mobile`: touch, the viewport meta
    tag honoured); viewport(driver, 0, 0) goes back to the window's own size."""
    if not width:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
        return
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": mobile, "maxTouchPoints": 5})


def tap(driver, element) -> None:
    """A finger's tap at the middle of `element` (touch events, as on a phone)."""
    box = driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', inline: 'center'});"
        "const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];",
        element)
    point = {"x": box[0], "y": box[1]}
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

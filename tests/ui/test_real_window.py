"""The app opens in a real X11 window (xcb platform, not offscreen) under its own Xvfb."""

import os
import shutil
import subprocess
import sys
import time

import pytest
from PIL import Image

pytestmark = pytest.mark.xvfb


@pytest.fixture
def xvfb(tmp_path):
    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb is not installed (tools/bootstrap installs it on Debian/Ubuntu)")
    for display in range(90, 110):
        if not os.path.exists(f"/tmp/.X11-unix/X{display}") and not os.path.exists(f"/tmp/.X{display}-lock"):
            break
    server = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not os.path.exists(f"/tmp/.X11-unix/X{display}") and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f":{display}"
    server.terminate()
    server.wait(10)


def test_demo_opens_in_a_real_window(xvfb, tmp_path, isolated_home):
    shot = tmp_path / "screen.png"
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb", "INSPECTOR_HOME": str(isolated_home)}
    done = subprocess.run(
        [sys.executable, "-m", "inspector", "--demo", "--lang", "zh_CN", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with Image.open(shot) as image:
        assert image.size == (1366, 768)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 50  # a drawn window, not an empty screen

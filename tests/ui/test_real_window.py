"""The app opens in a real X11 window (xcb platform, not offscreen) under its own Xvfb."""

import os
import shutil
import subprocess
import sys

import pytest
from PIL import Image

pytestmark = pytest.mark.xvfb


@pytest.fixture
def xvfb(tmp_path):
    """An Xvfb of our own; the server picks a free display number and tells us (-displayfd), so tests
    running in parallel never race for one."""
    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb is not installed (tools/bootstrap installs it on Debian/Ubuntu)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        display = announced.readline().strip()
    if not display:
        server.kill()
        pytest.fail("Xvfb did not start")
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

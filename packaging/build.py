"""Build the frozen desktop program: ``python packaging/build.py``.

On Linux: the onedir bundle (``dist/workbench/``, PyInstaller, packaging/workbench.spec), then a
``.deb`` of it (``dist/workbench_<version>_<arch>.deb``, dpkg-deb) that installs it under
``/opt/workbench`` with ``/usr/bin/workbench`` and a desktop entry. On Windows and macOS the
same spec makes the onedir bundle (and ``Workbench.app``); their installers are made by
packaging/windows/workbench.iss and packaging/macos/make_dmg.sh (see packaging/README.md).
Each step checks what it made: the frozen program must answer ``--version``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "workbench.spec"
LINUX = ROOT / "packaging" / "linux"

# What the .deb needs from the system: what PyInstaller leaves out of a bundle on purpose
# (libc, the GL/EGL drivers, fontconfig) and the X11 libraries of Qt's xcb platform plugin,
# which the bundle carries only when the build machine has them (this one lacks icccm and
# keysyms); Wayland's client libraries are recommended (Qt falls back to xcb without them).
DEB_DEPENDS = ", ".join((
    "libc6 (>= 2.34)", "libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libglib2.0-0", "libxkbcommon0", "libxkbcommon-x11-0", "libx11-xcb1", "libxcb1",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xfixes0", "libxcb-xkb1",
))
DEB_RECOMMENDS = "libwayland-client0, libwayland-cursor0, libwayland-egl1"


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def run(cmd: list[str], **kw: object) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)  # type: ignore[call-overload]


def build_bundle(dist: Path, work: Path) -> Path:
    """The onedir bundle; returns the frozen executable."""
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(SPEC)], cwd=ROOT)
    exe = dist / "workbench" / ("workbench.exe" if sys.platform == "win32" else "workbench")
    check_bundle(exe)
    print(f"bundle: {exe.parent}", flush=True)
    return exe


def check_bundle(exe: Path) -> None:
    """The frozen program starts and makes a migrated store. (On Windows and macOS the program
    is windowed, without a console: what it prints is lost, so only Linux reads --version.)"""
    if sys.platform.startswith("linux"):
        out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
        if out.stdout.strip() != f"workbench {version()}":
            raise SystemExit(f"the frozen program says {out.stdout!r}, not version {version()}")
    with tempfile.TemporaryDirectory() as home:
        store = Path(home) / "check.sqlite"
        env = {**os.environ, "WORKBENCH_HOME": home}
        subprocess.run([str(exe), "demo", "--db", str(store), "--customers", "3", "--quiet"],
                       env=env, check=True, timeout=300)
        if not store.is_file():
            raise SystemExit(f"the frozen program made no store at {store}")


def deb_arch() -> str:
    out = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
    return out.stdout.strip() or {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), "all")


def installed_size_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) // 1024


def build_deb(bundle: Path, dist: Path, work: Path) -> Path:
    """A .deb of the bundle: /opt/workbench, /usr/bin/workbench, a desktop entry and icon."""
    arch, ver = deb_arch(), version()
    root = work / "deb" / f"workbench_{ver}_{arch}"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / "opt" / "workbench", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/workbench/workbench", root / "usr" / "bin" / "workbench")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(LINUX / "workbench.desktop", apps / "workbench.desktop")
    icons = root / "usr" / "share" / "pixmaps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "branding" / "logo.png", icons / "workbench.png")
    (root / "DEBIAN").mkdir()
    control = (LINUX / "control.in").read_text("utf-8").format(
        version=ver, arch=arch, depends=DEB_DEPENDS, recommends=DEB_RECOMMENDS, size=installed_size_kib(root))
    (root / "DEBIAN" / "control").write_text(control, "utf-8")
    for path in root.rglob("*"):  # dpkg-deb refuses group/world-writable control files
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    out = dist / f"workbench_{ver}_{arch}.deb"
    # zstd -6: 9 s here against 320 s for xz -6, for a .deb 24 % larger (packaging/README.md);
    # dpkg reads zstd since 1.21.18 (Debian 12, Ubuntu 21.10).
    run(["dpkg-deb", "--root-owner-group", "-Zzstd", "-z6", "--build", str(root), str(out)])
    print(f"deb: {out} ({out.stat().st_size / 2**20:.1f} MiB)", flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the results go")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder")
    parser.add_argument("--no-deb", action="store_true", help="the bundle only")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    exe = build_bundle(args.dist.resolve(), args.work.resolve())
    if sys.platform.startswith("linux") and not args.no_deb:
        if shutil.which("dpkg-deb") is None:
            raise SystemExit("dpkg-deb is not installed (Debian's dpkg): use --no-deb")
        build_deb(exe.parent, args.dist.resolve(), args.work.resolve())
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

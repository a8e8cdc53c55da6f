#!/bin/sh
# A throwaway Debian without Python, with the .deb installed by dpkg -i, in which STEPS runs.
#
#   no_python_root.sh DEB WORK SHARED STEPS
#
# Must run as root (it mounts). In a private mount namespace (unshare --mount) it builds a root
# under WORK from this machine's /usr, /etc and /var, each an overlay whose writes land in a
# tmpfs (nothing written reaches the machine, and everything vanishes with the namespace):
# no /home, /root, /opt, /work (so no pyenv, no venv, no source tree). Inside it (chroot) every
# Python interpreter and library is deleted from the overlay (/usr/bin/python3*, /usr/lib/python3*,
# libpython*, site-packages, dist-packages, ...), python3 is checked to be gone, then DEB is
# installed with `dpkg -i` and STEPS (a sh script) is run as an unprivileged user (nobody),
# with the standard PATH. SHARED (a host folder) is /shared inside; STEPS writes its results
# there, and this script writes /shared/out/root.* (the proof that no Python is left).
set -eu

if [ "$#" -ne 4 ]; then
  echo "usage: $0 DEB WORK SHARED STEPS" >&2
  exit 64
fi
if [ -z "${NO_PYTHON_ROOT_INSIDE:-}" ]; then
  NO_PYTHON_ROOT_INSIDE=1 exec unshare --mount --propagation private /bin/sh "$0" "$@"
fi

DEB=$1 WORK=$2 SHARED=$3 STEPS=$4
case "$WORK" in /?*) ;; *) echo "WORK must be an absolute path" >&2; exit 64 ;; esac
mkdir -p "$WORK" "$SHARED/out"
mount -t tmpfs -o mode=0755 tmpfs "$WORK"
R=$WORK/root
mkdir -p "$R"
for d in usr etc var; do
  mkdir -p "$WORK/$d.up" "$WORK/$d.work" "$R/$d"
  mount -t overlay overlay -o "lowerdir=/$d,upperdir=$WORK/$d.up,workdir=$WORK/$d.work" "$R/$d"
done
for l in bin sbin lib lib32 lib64 libx32; do  # merged /usr: the top-level links
  if [ -L "/$l" ]; then ln -s "$(readlink "/$l")" "$R/$l"; fi
done
mkdir -p "$R/dev" "$R/proc" "$R/sys" "$R/tmp" "$R/run" "$R/opt" "$R/root" "$R/home" "$R/shared"
mount --rbind /dev "$R/dev"
mount --rbind /proc "$R/proc"
mount -t tmpfs -o mode=1777 tmpfs "$R/tmp"
mount -t tmpfs -o mode=0755 tmpfs "$R/run"
mount --bind "$SHARED" "$R/shared"
cp "$DEB" "$R/tmp/workbench.deb"
cp "$STEPS" "$R/tmp/steps.sh"

# Everything below runs inside the new root: a path there can only ever be the overlay's.
chroot "$R" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 /bin/sh -eu -c '
out=/shared/out
# Python, every interpreter and library of it, removed (whiteouts in the overlay).
# (the dpkg database is kept: to dpkg, Python is still installed, its files deleted by hand)
find /usr /etc /var -path /var/lib/dpkg -prune -o \( -name "python*" -o -name "libpython*" \
     -o -name site-packages -o -name dist-packages -o -name pyvenv.cfg \) -prune \
     -exec rm -rf {} + 2>"$out/root.rm.err"
# The proof: no interpreter on PATH, none by any name in the whole root.
for name in python python3 python3.9 python3.10 python3.11 python3.12 python3.13 python3.14; do
  if command -v "$name" >/dev/null 2>&1; then echo "found $name: $(command -v "$name")"; fi
done >"$out/root.which"
if python3 -c "print(1)" >"$out/root.python3.out" 2>&1; then echo 0; else echo $?; fi >"$out/root.python3.rc"
left() {
  find /usr /etc /var /opt /root /home /tmp /run -path /var/lib/dpkg -prune -o \
       \( -name "python*" -o -name "libpython*" -o -name site-packages -o -name dist-packages \) \
       -print 2>/dev/null || true
}
left >"$out/root.left"
# The install, as a user does it.
dpkg -i /tmp/workbench.deb >"$out/root.dpkg.out" 2>&1
dpkg-query -W -f="\${Status} \${Version}\n" workbench >"$out/root.dpkg.status"
left >"$out/root.left-after"  # now only what the bundle brings, under /opt/workbench
# The program runs as a user, not as root.
chmod 0755 /shared
mkdir -p /shared/home /shared/run
chmod 0700 /shared/run
chown -R 65534:65534 /shared/home /shared/run /shared/out
exec setpriv --reuid=65534 --regid=65534 --clear-groups \
  env HOME=/shared/home XDG_RUNTIME_DIR=/shared/run /bin/sh /tmp/steps.sh
'

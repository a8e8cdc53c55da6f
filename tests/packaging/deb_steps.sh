#!/bin/sh
# What a user does with the installed program, run by no_python_root.sh as `nobody` in a root
# without Python, with the standard PATH: nothing here can reach a Python but the bundle's.
# Each step leaves /shared/out/NAME.out, NAME.err and NAME.rc for tests/packaging/test_deb.py.
#
# Given in /shared/in: passphrase (there is no keyring here: the store's key comes from
# WORKBENCH_PASSPHRASE), query-name and query-initials (a demo customer's name and its short
# name's pinyin initials).
set -u
out=/shared/out
home=/shared/home
store=$home/store.sqlite
WORKBENCH_PASSPHRASE=$(cat /shared/in/passphrase)
QUERY_NAME=$(cat /shared/in/query-name)
QUERY_INITIALS=$(cat /shared/in/query-initials)
export WORKBENCH_HOME=$home WORKBENCH_PASSPHRASE QT_QPA_PLATFORM=offscreen

step() {  # step NAME COMMAND...: run it, keep what it printed and its exit status
  name=$1
  shift
  if "$@" >"$out/$name.out" 2>"$out/$name.err"; then echo 0; else echo $?; fi >"$out/$name.rc"
}

# Python is not here, for this user either.
step which-python3 sh -c 'command -v python3 || command -v python'
step python3 python3 -c 'print(1)'
step which-workbench sh -c 'command -v workbench && readlink -f "$(command -v workbench)"'
step version workbench --version
date +%F >"$out/today"

# An encrypted store made new (WORKBENCH_ENCRYPT=1: there is no keyring, so the passphrase's key).
step demo env WORKBENCH_ENCRYPT=1 workbench demo --db "$store" --customers 50 --quiet
step check workbench check --db "$store"
# A plain store encrypted on request (a plain copy is left beside it).
step plain-demo env WORKBENCH_ENCRYPT=0 workbench demo --db "$home/plain.sqlite" --customers 3 --quiet
step encrypt workbench encrypt --db "$home/plain.sqlite"
step encrypted-check workbench check --db "$home/plain.sqlite"

step backup workbench backup --db "$store"
step backup-list workbench backup --db "$store" --list
step search-name workbench search --db "$store" "$QUERY_NAME"
step search-initials workbench search --db "$store" "$QUERY_INITIALS" --limit 200
step proposal workbench proposal --db "$store" --demo -o "$home/proposal.pdf"

# The window, offscreen: once up to the first customer rows of the encrypted store and quitting
# by itself (it cannot pass an unanswered passphrase dialog), once left up and stopped.
step window-rows env WORKBENCH_FIRST_PAINT_EXIT=rows workbench --db "$store"
mv "$home/logs" "$out/window-rows.logs" 2>/dev/null || true

workbench --db "$store" >"$out/window-up.out" 2>"$out/window-up.err" &
pid=$!
log=$home/logs/workbench.log
waited=0
while [ ! -f "$log" ] && kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 600 ]; do
  sleep 0.2
  waited=$((waited + 1))
done
sleep 5  # the store opens, the screens load, the first search runs
if kill -0 "$pid" 2>/dev/null; then echo up; else echo down; fi >"$out/window-up.alive"
# The files the running program has mapped: its libraries, Python's among them.
awk '$6 ~ /^\// {print $6}' "/proc/$pid/maps" | sort -u >"$out/window-up.maps" || true
kill -TERM "$pid" 2>/dev/null || true
if wait "$pid"; then echo 0; else echo $?; fi >"$out/window-up.rc"
cp -r "$home/logs" "$out/window-up.logs" 2>/dev/null || true
exit 0

"""``workbench encrypt --db PATH``: encrypt a plain store on request (services.encryption),
printing JSON; and the command line's passphrase prompt for encrypted stores.

Where there is no OS keyring the key comes from a passphrase: ``WORKBENCH_PASSPHRASE``, or
asked on the terminal (twice for a new one) when the command runs on one.

Exit status: 0 done; 2 refused (no store, already encrypted, open in the program, damaged,
no keyring and no passphrase), with a message on stderr in Chinese and English.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any, add_store_options: Any = None) -> None:
    p = sub.add_parser(
        "encrypt", help="encrypt a plain store (SQLCipher; a plain copy is taken first); prints JSON",
        description="Encrypt the store in place with a random key kept in the OS keyring (or, where "
        "there is none, a key from a passphrase: WORKBENCH_PASSPHRASE or asked). A plain copy is taken "
        "first beside the store (NAME.before-encrypt-STAMP.bak); the plain backups are listed so that "
        "they can be deleted. Quit the program first.")
    if add_store_options is not None:
        add_store_options(p)
    else:
        p.add_argument("--db", metavar="PATH", help="the SQLite store")
    p.set_defaults(func=cmd_encrypt)


def _prompt(path: Path, why: str) -> str | None:
    """The terminal's passphrase for ``path``; None when there is no terminal."""
    if not sys.stdin.isatty():
        return None
    import getpass

    if why == "create":
        first = getpass.getpass(f"为 {path} 设置口令 / passphrase for {path}: ")
        if not first or getpass.getpass("再输入一次 / again: ") != first:
            print("两次输入不一致 / the two did not match", file=sys.stderr)
            return None
        return first
    label = "口令错误, 请重试 / wrong passphrase, again" if why == "retry" else "口令 / passphrase"
    return getpass.getpass(f"{path}: {label}: ") or None


def install_prompt() -> None:
    """Ask on the terminal for a passphrase an encrypted store needs (the command line only)."""
    from workbench.store import keys

    keys.set_passphrase_source(_prompt)


def cmd_encrypt(args: argparse.Namespace) -> int:
    from workbench.cli import _store_path
    from workbench.services.encryption import encrypt_store

    install_prompt()
    done = encrypt_store(_store_path(args))
    print(json.dumps({
        "encrypted": str(done.path), "key": done.key_source, "tables": done.tables, "rows": done.rows,
        "plain_copy": str(done.backup), "plain_backups": [str(p) for p in done.plain_backups],
    }, ensure_ascii=False, indent=2))
    if done.plain_backups:
        print(f"注意: {len(done.plain_backups)} 个备份未加密, 确认加密后的数据文件可以打开后请删除 / "
              f"note: {len(done.plain_backups)} backup(s) are not encrypted: delete them once the "
              "encrypted store is known to open", file=sys.stderr)
    return 0

"""Fill resources/i18n/workbench_zh_CN.ts from zh_cn_table.py; fail on any message without a
translation. Workflow after changing UI strings:

    pyside6-lupdate $(find workbench/ui -name "*.py") -ts resources/i18n/workbench_zh_CN.ts
    (add the new strings to packaging/i18n/zh_cn_table.py)
    python packaging/i18n/fill_ts.py resources/i18n/workbench_zh_CN.ts
    python -m workbench.ui.i18n      # update + compile the .qm

A count is a numerus message (``self.tr("%n visit(s)", "", n)``): its Chinese is one form
(a string); ``workbench_en.ts`` (the numerus messages alone) is filled from en_table.py with
the English (singular, plural).
"""
import re, sys, xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
path = sys.argv[1]
if Path(path).stem.endswith("_en"):
    from en_table import T
else:
    from zh_cn_table import T

raw = open(path, encoding="utf-8").read()
tree = ET.parse(path)
root = tree.getroot()
missing, n, used = [], 0, set()
for ctx in root.findall("context"):
    cname = ctx.findtext("name")
    for m in ctx.findall("message"):
        src = m.findtext("source")
        tr = m.find("translation")
        if tr.get("type") in ("vanished", "obsolete"):
            continue
        zh = T.get(cname, {}).get(src)
        if zh is None:
            if tr.get("type") != "unfinished" and (tr.text or "").strip():
                continue  # translated in the .ts itself: kept as it is
            missing.append((cname, src)); continue
        used.add((cname, src))
        for text in ([zh] if isinstance(zh, str) else zh):  # placeholders must survive
            assert re.findall(r"\{\d\}|%n|%\d", src) == re.findall(r"\{\d\}|%n|%\d", text) or sorted(re.findall(r"\{\d\}", src)) == sorted(re.findall(r"\{\d\}", text)), (src, text)
            if not Path(path).stem.endswith("_en"):
                assert src.count("&") - src.count("&nbsp;") - src.count("&&")*2 <= text.count("(&"), (src, text)
        forms = tr.findall("numerusform")
        if m.get("numerus") == "yes":
            wanted = [zh] if isinstance(zh, str) else list(zh)
            assert len(wanted) == len(forms) and all("%n" in f for f in wanted), (src, wanted, len(forms))
            for form, text in zip(forms, wanted):
                form.text = text
        else:
            tr.text = zh
        tr.attrib.pop("type", None)
        n += 1
unused = [(c, s) for c, d in T.items() for s in d if (c, s) not in used]
if missing:  # left unfinished (another change in progress may own them); --strict fails
    print("MISSING", *missing, sep="\n  ")
    if "--strict" in sys.argv:
        sys.exit(1)
print("translated", n, "unused entries:", unused)
ET.indent(tree, space="    ")
body = ET.tostring(root, encoding="unicode")
open(path, "w", encoding="utf-8").write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")

"""The digest PDF's Thai font, made so the PDF's text layer reads as the page does.

HarfBuzz draws sara am (ำ) as two glyphs, nikhahit (ํ) and sara aa (า), and WeasyPrint tells PDF
readers which text each glyph stands for from the first place it drew that glyph. So every ำ came
out of search, copy and screen readers as า ("จานวน", "อาเภอ"), and a tone mark first drawn
inside a merged cluster as nothing ("นา" for น้ำ). Two changes fix it:

* the font (a static instance of the packaged Noto Sans Thai, one per weight) gets a copy of sara
  aa's glyph, drawn identically, that a required-ligature rule puts in place of sara aa right
  after a nikhahit (tone marks between), so the sara aa of ำ is a glyph of its own;
* a finisher rewrites the PDF's ToUnicode map for that font: every glyph stands for its own
  character (variants for their base letter), the copy for ำ, the nikhahit for nothing.

Built once per process into the temporary directory (about 0.4 s a weight).
"""

from __future__ import annotations

import copy
import hashlib
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

SARA_AA = "uni0E32"
SARA_AA_OF_SARA_AM = "uni0E32.am"
NIKHAHIT_PREFIX = "uni0E4D"  # uni0E4D and its narrow variant
SARA_AM = "\u0e33"
WEIGHTS = (400, 700)
_MARK_CLASS = 3  # GDEF glyph class of combining marks


@dataclass(frozen=True, slots=True)
class DigestFont:
    """Static font files per weight, and the text each of their glyphs stands for."""

    files: dict[int, Path]
    text_of_glyph: dict[int, str]

    def font_faces(self, family: str) -> str:
        """@font-face rules for every weight."""
        return "".join(
            f"@font-face {{ font-family: '{family}'; font-weight: {weight}; "
            f"src: url('{path.as_uri()}'); }}"
            for weight, path in self.files.items()
        )

    def finisher(self) -> Callable[[Any, Any], None]:
        """A WeasyPrint `write_pdf` finisher that rewrites the ToUnicode maps of these fonts."""
        return lambda _document, pdf: rewrite_to_unicode(pdf, self.text_of_glyph)


@cache
def digest_font(source: Path) -> DigestFont:
    """The static instances of `source` with sara am's own glyph (built once per process)."""
    from fontTools.ttLib import TTFont

    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"siang-digest-font-{digest}"
    folder.mkdir(exist_ok=True)
    files: dict[int, Path] = {}
    for weight in WEIGHTS:
        target = folder / f"thai-{weight}.ttf"
        if not target.exists():
            partial = folder / f"thai-{weight}.ttf.part"
            _build_instance(source, weight).save(str(partial))
            partial.replace(target)  # another process may build the same file: last one wins
        files[weight] = target
    return DigestFont(files=files, text_of_glyph=_glyph_texts(TTFont(str(files[WEIGHTS[0]]))))


def _build_instance(source: Path, weight: int) -> Any:
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = instancer.instantiateVariableFont(TTFont(str(source)), {"wght": weight, "wdth": 100})
    order = font.getGlyphOrder()
    font.setGlyphOrder([*order, SARA_AA_OF_SARA_AM])
    glyphs = font["glyf"]
    glyphs.glyphOrder = font.getGlyphOrder()
    glyphs[SARA_AA_OF_SARA_AM] = copy.deepcopy(glyphs[SARA_AA])
    font["hmtx"][SARA_AA_OF_SARA_AM] = font["hmtx"][SARA_AA]
    classes = font["GDEF"].table.GlyphClassDef.classDefs
    classes[SARA_AA_OF_SARA_AM] = classes.get(SARA_AA, 0)
    marks = sorted(name for name, kind in classes.items() if kind == _MARK_CLASS)
    nikhahits = [name for name in font.getGlyphOrder() if name.startswith(NIKHAHIT_PREFIX)]
    _add_required_ligature(font, _sara_am_rules(nikhahits, marks))
    return font


def _sara_am_rules(nikhahits: list[str], marks: list[str]) -> str:
    nikhahit = " ".join(nikhahits)
    mark = " ".join(marks)
    return f"""
lookup SaraAm {{
  sub [{nikhahit}] {SARA_AA}' by {SARA_AA_OF_SARA_AM};
  sub [{nikhahit}] [{mark}] {SARA_AA}' by {SARA_AA_OF_SARA_AM};
}} SaraAm;
feature rlig {{ lookup SaraAm; }} rlig;
"""


def _add_required_ligature(font: Any, features: str) -> None:
    """Append the `rlig` lookups compiled from `features` to the font's own GSUB (feaLib would
    replace the table), and list the feature in every script and language."""
    from fontTools.feaLib.builder import addOpenTypeFeaturesFromString
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables import otTables

    scratch = TTFont()
    scratch.setGlyphOrder(font.getGlyphOrder())
    addOpenTypeFeaturesFromString(scratch, features, tables=["GSUB"])
    added = scratch["GSUB"].table
    gsub = font["GSUB"].table
    base = len(gsub.LookupList.Lookup)
    chains = []
    for index, lookup in enumerate(added.LookupList.Lookup):
        for subtable in lookup.SubTable:
            for rule_set in getattr(subtable, "ChainSubRuleSet", None) or []:
                for rule in rule_set.ChainSubRule if rule_set else []:
                    for record in rule.SubstLookupRecord:
                        record.LookupListIndex += base
            for record in getattr(subtable, "SubstLookupRecord", None) or []:
                record.LookupListIndex += base
        if lookup.LookupType == 6:  # chaining context: the one the feature lists
            chains.append(base + index)
        gsub.LookupList.Lookup.append(lookup)
    gsub.LookupList.LookupCount = len(gsub.LookupList.Lookup)

    record = otTables.FeatureRecord()
    record.FeatureTag = "rlig"
    record.Feature = otTables.Feature()
    record.Feature.FeatureParams = None
    record.Feature.LookupListIndex = chains
    record.Feature.LookupCount = len(chains)
    records = [*gsub.FeatureList.FeatureRecord, record]
    # Feature records are sorted by tag; every language's indices follow the new order.
    ordered = sorted(range(len(records)), key=lambda i: records[i].FeatureTag)
    new_index = {old: new for new, old in enumerate(ordered)}
    gsub.FeatureList.FeatureRecord = [records[i] for i in ordered]
    gsub.FeatureList.FeatureCount = len(records)
    for script in gsub.ScriptList.ScriptRecord:
        systems = [script.Script.DefaultLangSys, *(r.LangSys for r in script.Script.LangSysRecord)]
        for system in systems:
            if system is None:
                continue
            indices = [new_index[i] for i in system.FeatureIndex] + [new_index[len(records) - 1]]
            system.FeatureIndex = sorted(indices)
            system.FeatureCount = len(indices)


def _glyph_texts(font: Any) -> dict[int, str]:
    """What each glyph stands for: its character, a variant its base's, ำ's parts as above."""
    texts: dict[int, str] = {}
    for codepoint, name in font.getBestCmap().items():
        texts.setdefault(font.getGlyphID(name), chr(codepoint))
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            single = subtable.ExtSubTable if lookup.LookupType == 7 else subtable
            if getattr(single, "LookupType", lookup.LookupType) != 1:
                continue
            for base, variant in single.mapping.items():
                base_id = font.getGlyphID(base)
                if base_id in texts:
                    texts.setdefault(font.getGlyphID(variant), texts[base_id])
    for name in font.getGlyphOrder():
        if name.startswith(NIKHAHIT_PREFIX):
            texts[font.getGlyphID(name)] = ""
    texts[font.getGlyphID(SARA_AA_OF_SARA_AM)] = SARA_AM
    return texts


_ENTRY = re.compile(rb"<([0-9a-fA-F]{4})> <([0-9a-fA-F]*)>")


def rewrite_to_unicode(pdf: Any, text_of_glyph: dict[int, str]) -> None:
    """Rewrite the ToUnicode entries of the embedded Noto Sans Thai subsets."""
    import pydyf

    for entry in pdf.objects:
        if not isinstance(entry, pydyf.Dictionary) or entry.get("Subtype") != "/Type0":
            continue
        name = bytes(entry.get("BaseFont", b"")).replace(b"#20", b"").replace(b"-", b"")
        if b"NotoSansThai" not in name.replace(b" ", b""):
            continue
        stream = pdf.objects[int(entry["ToUnicode"].split()[0])]
        lines = []
        for line in stream.stream:
            found = _ENTRY.fullmatch(line)
            glyph = int(found.group(1), 16) if found else None
            if glyph is not None and glyph in text_of_glyph:
                utf16 = "".join(ch.encode("utf-16-be").hex() for ch in text_of_glyph[glyph])
                line = f"<{glyph:04x}> <{utf16}>".encode()
            lines.append(line)
        stream.stream = lines

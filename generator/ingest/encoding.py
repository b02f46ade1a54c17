"""Bytes of unknown encoding -> text, never raising on undecodable input."""

from __future__ import annotations

import codecs
import re

# Single-byte code pages a scraped page comes in, in practice. The detector chooses
# only among these: left free, it likes close cousins (cp1250 for French or English
# text) that turn a few letters into others. Latin-1 is cp1252 less the typographic
# quotes and dashes, so it is the fallback for bytes cp1252 leaves undefined.
_LEGACY = ("cp1252", "cp1251")
_MIXED_WORD = re.compile(r"[a-zA-Z][\u0400-\u04ff]|[\u0400-\u04ff][a-zA-Z]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(data: bytes) -> str:
    """The codec that decodes ``data``: BOM, strict UTF-8, the charset a page declares, a guess."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared:
        return declared
    # Cyrillic text in cp1251 decodes "successfully" as cp1252 mojibake, so the
    # choice between code pages is a statistical one: charset-normalizer's.
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    if best is not None:
        if best.encoding == "cp1251" and _MIXED_WORD.search(data.decode("cp1251")):
            return "cp1252"  # "cafй": a Latin word with one Cyrillic letter is mojibake
        return best.encoding
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin_1"


# <meta charset="gb2312">, <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I)
# Declared names whose bytes a wider codec reads as well (pages declare the narrow one and
# use the wide one's characters).
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "iso-8859-1": "cp1252",
          "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "shift_jis": "cp932",
          "euc-kr": "cp949"}  # fmt: skip


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if it reads the page's bytes."""
    for m in _META_CHARSET.finditer(data[:4096]):
        name = m.group(1).decode("ascii").lower()
        name = _WIDER.get(name, name)
        try:
            codecs.lookup(name)
            data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        return name
    return None


def decode(data: str | bytes) -> str:
    """Text of ``data``; bytes that fit no encoding become U+FFFD, never an exception."""
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    name = detect_encoding(data)
    try:
        return data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin_1")  # maps every byte: nothing is lost, nothing raises

"""Shared helpers of the gazetteer build: the fold rule, script checks, output.

fold() is the key function of data/place-keys.tsv; the Rust side
re-implements it, so keep it exactly as documented in data/README.md.
"""

import unicodedata

# Step 3 of fold(): letters NFKD does not decompose.
_FOLD_MAP = {
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "æ": "ae",
    "œ": "oe",
    "ß": "ss",
    "ı": "i",
}
# Step 4: apostrophe-like characters, deleted.
APOSTROPHES = "\u0027\u2019\u2018\u02bc\u02b9\u0060\u00b4\u02bb\u2033\u0022"
_APOS = set(APOSTROPHES)


def fold(s: str) -> str:
    """The search key of a name (see data/README.md, "Fold rule")."""
    s = s.lower()  # 1
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if unicodedata.category(c) != "Mn")  # 2
    s = "".join(_FOLD_MAP.get(c, c) for c in s)  # 3
    s = "".join(c for c in s if c not in _APOS)  # 4
    s = "".join(c if c.isalnum() else " " for c in s)  # 5
    return " ".join(s.split())  # 6


# Characters allowed in an alternate name besides Latin and Cyrillic letters
# (and combining marks): ASCII digits, space, apostrophe-like characters (the
# ones fold() deletes), hyphens and dots.
HYPHENS = "-\u2010\u2011\u2013"
_EXTRA = set(" ." + HYPHENS) | _APOS
_script_cache: dict = {}


def char_script(c: str) -> str:
    """'latin', 'cyrillic', 'mark', 'digit', 'punct' (allowed) or 'other'."""
    r = _script_cache.get(c)
    if r is not None:
        return r
    if c in _EXTRA:
        r = "punct"
    elif "0" <= c <= "9":
        r = "digit"
    else:
        cat = unicodedata.category(c)
        name = unicodedata.name(c, "")
        if cat == "Mn":
            r = "mark"
        elif cat.startswith("L") and name.startswith("LATIN "):
            r = "latin"
        elif cat.startswith("L") and name.startswith("CYRILLIC "):
            r = "cyrillic"
        else:
            r = "other"
    _script_cache[c] = r
    return r


def name_script(s: str):
    """'latin', 'cyrillic' or 'mixed' if s is an allowed name, else None.

    Allowed: only Latin or Cyrillic letters, combining marks, ASCII digits,
    spaces, apostrophes, hyphens and dots, and at least one letter.
    """
    seen = set()
    for c in s:
        k = char_script(c)
        if k == "other":
            return None
        if k in ("latin", "cyrillic"):
            seen.add(k)
    if not seen:
        return None
    if len(seen) == 2:
        # Latin and Cyrillic letters in one word are a typo (Kharkоv with a
        # Cyrillic о): refused. Different words in different scripts pass.
        for word in s.replace("-", " ").split():
            ks = {char_script(c) for c in word}
            if "latin" in ks and "cyrillic" in ks:
                return None
        return "mixed"
    return seen.pop()


def is_ascii_latin(s: str) -> bool:
    return s.isascii()


def fmt_coord(x: float) -> str:
    """A coordinate rounded to 5 decimals, shortest form (no trailing zeros)."""
    v = round(x, 5)
    if v == 0:
        v = 0.0  # no "-0"
    t = f"{v:.5f}".rstrip("0").rstrip(".")
    return t if t not in ("-0", "") else "0"

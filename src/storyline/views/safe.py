"""Untrusted text (titles, snippets, file names, reasons quoting inputs) made safe to print on a
terminal: no escape or control sequence from an article reaches it."""
from __future__ import annotations

import re

# ESC-introduced sequences (CSI, OSC up to BEL or ST, other two-byte escapes), 8-bit C1 controls,
# and every other C0 control except tab and newline; lone surrogates cannot be written at all.
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"          # CSI ... final byte
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC / DCS / SOS / PM / APC ... BEL or ST
    r"|\x1b[ -/]*[0-~]?"                # other escapes (and a lone ESC)
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"   # C0 (but tab, newline) and C1 controls, DEL
    r"|[\u202a-\u202e\u2066-\u2069]"    # bidirectional overrides that reorder what is shown
    r"|[\ud800-\udfff]"
)


def terminal_safe(text: object) -> str:
    """``text`` as a string with terminal control and escape sequences removed."""
    return _SEQUENCE.sub("", str(text))


def markup_safe(text: object) -> str:
    """terminal_safe, then escaped for rich markup (square brackets shown as written)."""
    from rich.markup import escape

    return escape(terminal_safe(text))

"""Iranian identity numbers of a programme's proposer: the national code of a natural person
(کد ملی, 10 digits) and the national identifier of a legal person (شناسه ملی, 11 digits), each with
its check digit. Digits may be typed Persian, Arabic or Latin; the forms keep Latin ones."""

from __future__ import annotations

from .numbers import to_latin_digits

# Weights of the legal identifier's check digit, applied in turn to its first ten digits.
_LEGAL_WEIGHTS = (29, 27, 23, 19, 17)


def digits_only(text: str) -> str:
    """``text`` in Latin digits with spaces and dashes dropped (how a number is typed or pasted)."""
    return "".join(ch for ch in to_latin_digits(text or "") if ch not in " -\u200c")


def valid_national_code(code: str) -> bool:
    """A natural person's 10-digit national code whose last digit checks the first nine."""
    if len(code) != 10 or not code.isascii() or not code.isdigit() or len(set(code)) == 1:
        return False
    total = sum(int(code[i]) * (10 - i) for i in range(9)) % 11
    check = int(code[9])
    return check == total if total < 2 else check == 11 - total


def valid_legal_id(code: str) -> bool:
    """A legal person's 11-digit national identifier whose last digit checks the first ten."""
    if len(code) != 11 or not code.isascii() or not code.isdigit() or code[3:9] == "000000":
        return False
    shift = int(code[9]) + 2
    total = sum((int(code[i]) + shift) * _LEGAL_WEIGHTS[i % 5] for i in range(10)) % 11
    return int(code[10]) == (0 if total == 10 else total)

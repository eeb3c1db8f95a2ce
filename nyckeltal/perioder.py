"""The dashboard's period: a year, a span of months, and the year to compare with.

The quick choices are the ones the committee reports by: the year to date, the three
tertials (januari–april, maj–augusti, september–december) and the full year.
"""

from __future__ import annotations

from dataclasses import dataclass

from nyckeltal.format import manadsintervall

SNABBVAL = {
    "hittills": "Hittills i år",
    "t1": "Tertial 1",
    "t2": "Tertial 2",
    "t3": "Tertial 3",
    "helar": "Helår",
}
_MANADER_FOR_VAL = {"t1": (1, 4), "t2": (5, 8), "t3": (9, 12), "helar": (1, 12)}


@dataclass(frozen=True)
class Period:
    ar: int
    fran_manad: int
    till_manad: int
    jamforelsear: int

    def __post_init__(self):
        if not 1 <= self.fran_manad <= self.till_manad <= 12:
            raise ValueError(f"ogiltiga månader {self.fran_manad}–{self.till_manad}")

    @property
    def etikett(self) -> str:
        """'januari–september 2022'."""
        return f"{manadsintervall(self.fran_manad, self.till_manad)} {self.ar}"

    @property
    def jamforelseetikett(self) -> str:
        return f"{manadsintervall(self.fran_manad, self.till_manad)} {self.jamforelsear}"

    @property
    def jamforelse(self) -> Period:
        """The same months of the comparison year."""
        return Period(self.jamforelsear, self.fran_manad, self.till_manad, self.jamforelsear - 1)

    def som_parametrar(self) -> dict[str, int]:
        return {"ar": self.ar, "fran_manad": self.fran_manad, "till_manad": self.till_manad}


def period_fran_val(ar: int, val: str, manad: int, jamforelsear: int | None = None) -> Period:
    """The period of a quick choice; manad is the last month for 'hittills i år'."""
    if val not in SNABBVAL:
        raise ValueError(f"okänt snabbval {val!r}")
    fran, till = _MANADER_FOR_VAL.get(val, (1, manad))
    return Period(ar, fran, till, jamforelsear if jamforelsear is not None else ar - 1)


def beskriv_period(periodtyp: str, manad: int, ar: int) -> str:
    """How a stored value's period reads: 'september 2022', 'januari–september 2022',
    'helår 2021', 'prognos efter september 2022', 'medel januari–september 2022'."""
    if periodtyp == "manad":
        return f"{manadsintervall(manad, manad)} {ar}"
    if periodtyp == "ack":
        return f"{manadsintervall(1, manad)} {ar}"
    if periodtyp == "medel":
        return f"medel {manadsintervall(1, manad)} {ar}"
    if periodtyp == "helar":
        return f"helår {ar}"
    if periodtyp == "prognos":
        return f"prognos efter {manadsintervall(manad, manad)} {ar}"
    raise ValueError(f"okänd periodtyp {periodtyp!r}")

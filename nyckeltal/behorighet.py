"""Who may change the figures (import, undo, comment), and who they are.

Sign-in is the municipality's identity provider through Streamlit's st.login (OIDC; Borås
uses Microsoft Entra ID). The provider vouches for the identity; which identities may change
the figures is configuration (`[behorighet]` in .streamlit/secrets.toml): e-mail addresses
and/or group claims. The identity written in the import log and on comments is the one the
provider signed, never text typed into the page.

The shared password is a development fallback only: off when the service runs in production
(`make serve` sets NYCKELTAL_DRIFT=1) unless explicitly turned on, and its failed attempts
are counted on the server, per account and per address, in a small SQLite file beside the
database that every replica shares, so a reload or a new browser does not start over.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

# The development password's limits: within FONSTER_SEKUNDER, an account is paused after
# MAX_PER_KONTO failed attempts and an address (one person trying many names) after
# MAX_PER_ADRESS. Both are counted across sessions, browsers and replicas.
MAX_PER_KONTO = 5
MAX_PER_ADRESS = 20
FONSTER_SEKUNDER = 15 * 60

# Claims that name the person, in order of preference. Entra ID puts the UPN (usually the
# e-mail address) in preferred_username; `email` only when the optional claim is configured.
IDENTITETSANSPRAK = ("email", "preferred_username")
MAX_TECKEN_IDENTITET = 80


@dataclass(frozen=True)
class Behorighet:
    """The identities allowed to change the figures, from the `[behorighet]` section."""

    epost: frozenset[str]
    grupper: frozenset[str]

    @classmethod
    def fran_installning(cls, avsnitt: Mapping[str, object] | None) -> Behorighet:
        """From `[behorighet]`: `epost = [...]` and/or `grupper = [...]`. Missing or empty
        means nobody: access is granted by listing, never by default."""
        avsnitt = avsnitt or {}
        return cls(
            epost=frozenset(str(e).strip().lower() for e in _lista(avsnitt.get("epost"))),
            grupper=frozenset(str(g).strip() for g in _lista(avsnitt.get("grupper"))),
        )

    def far_andra(self, ansprak: Mapping[str, object]) -> bool:
        """Whether a signed-in user (the ID token's claims) may import, undo and comment."""
        vem = identitet(ansprak)
        if vem is not None and vem.lower() in self.epost:
            return True
        return bool(self.grupper & {str(g) for g in _lista(ansprak.get("groups"))})


def _lista(varde: object) -> list[object]:
    if varde is None:
        return []
    if isinstance(varde, str):
        return [varde]
    return list(varde)  # type: ignore[call-overload]


def identitet(ansprak: Mapping[str, object]) -> str | None:
    """The verified identity to record: the e-mail address (or UPN) the provider signed.

    An e-mail the provider marks as unverified is not used."""
    for namn in IDENTITETSANSPRAK:
        varde = ansprak.get(namn)
        if namn == "email" and ansprak.get("email_verified") is False:
            continue
        if isinstance(varde, str) and varde.strip():
            return varde.strip()[:MAX_TECKEN_IDENTITET]
    return None


def losenord_tillatet(miljo: Mapping[str, str]) -> bool:
    """The development password works under `make run`; in production (NYCKELTAL_DRIFT=1)
    only when NYCKELTAL_TILLAT_LOSENORD=1 turns it on explicitly."""
    return miljo.get("NYCKELTAL_DRIFT") != "1" or miljo.get("NYCKELTAL_TILLAT_LOSENORD") == "1"


def klientadress(rubriker: Mapping[str, str], ip: object, bakom_proxy: bool) -> str:
    """The address a sign-in attempt is counted against. Behind our nginx (which overwrites
    X-Real-IP with the connecting address) that header; otherwise the socket's address.
    Without the proxy the header is the client's own word and is ignored."""
    if bakom_proxy:
        for namn, varde in rubriker.items():
            if namn.lower() == "x-real-ip" and varde.strip():
                return varde.strip()
    return ip if isinstance(ip, str) and ip else "lokal"


class Utfall(Enum):
    INLOGGAD = "inloggad"
    FEL = "fel"
    SPARRAD = "spärrad"


class Forsoksraknare:
    """Failed sign-in attempts, shared by every process on the host through one SQLite file.

    One attempt is one write transaction (BEGIN IMMEDIATE): the count, the check and the
    record happen under SQLite's lock, so parallel guesses from several sessions or replicas
    cannot slip past the limit."""

    def __init__(
        self,
        fil: Path,
        *,
        per_konto: int = MAX_PER_KONTO,
        per_adress: int = MAX_PER_ADRESS,
        fonster: float = FONSTER_SEKUNDER,
        klocka: Callable[[], float] = time.time,
    ) -> None:
        self.fil = fil
        self.per_konto = per_konto
        self.per_adress = per_adress
        self.fonster = fonster
        self.klocka = klocka

    def _oppna(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.fil, timeout=10, isolation_level=None)
        con.execute("pragma journal_mode=wal")
        con.execute(
            "create table if not exists misslyckade "
            "(slag text not null, nyckel text not null, tid real not null)"
        )
        return con

    def forsok(self, konto: str, adress: str, ratt: Callable[[], bool]) -> Utfall:
        """Try one sign-in: SPARRAD (ratt is not even called) while the account or the
        address is over its limit, else INLOGGAD or FEL as ratt() says."""
        konto = konto.strip().lower()
        con = self._oppna()
        try:
            con.execute("begin immediate")
            nu = self.klocka()
            con.execute("delete from misslyckade where tid < ?", (nu - self.fonster,))
            if self._antal(con, "konto", konto) >= self.per_konto or (
                self._antal(con, "adress", adress) >= self.per_adress
            ):
                con.execute("commit")
                return Utfall.SPARRAD
            if ratt():
                con.execute("delete from misslyckade where slag = 'konto' and nyckel = ?", (konto,))
                con.execute("commit")
                return Utfall.INLOGGAD
            con.executemany(
                "insert into misslyckade values (?, ?, ?)",
                [("konto", konto, nu), ("adress", adress, nu)],
            )
            con.execute("commit")
            return Utfall.FEL
        finally:
            con.close()

    @staticmethod
    def _antal(con: sqlite3.Connection, slag: str, nyckel: str) -> int:
        return con.execute(
            "select count(*) from misslyckade where slag = ? and nyckel = ?", (slag, nyckel)
        ).fetchall()[0][0]

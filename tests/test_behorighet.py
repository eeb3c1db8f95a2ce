"""Who may change the figures and how sign-in attempts are limited (nyckeltal.behorighet),
without Streamlit: the rules read from configuration, the identity taken from the claims,
and the attempt counter shared through one file by separate counters (as replicas are)."""

import threading

from nyckeltal.behorighet import (
    Behorighet,
    Forsoksraknare,
    Utfall,
    identitet,
    klientadress,
    losenord_tillatet,
)

REGLER = Behorighet.fran_installning(
    {"epost": ["Anna.Andersson@boras.se"], "grupper": ["nyckeltal-redaktorer"]}
)


def test_tom_eller_saknad_installning_ger_ingen_behorighet():
    for avsnitt in (None, {}, {"epost": [], "grupper": []}):
        regler = Behorighet.fran_installning(avsnitt)
        assert regler == Behorighet(epost=frozenset(), grupper=frozenset())
        assert not regler.far_andra({"email": "anna.andersson@boras.se", "groups": []})


def test_e_post_pa_listan_oavsett_skiftlage():
    assert REGLER.far_andra({"email": "ANNA.andersson@boras.se"})
    assert not REGLER.far_andra({"email": "anna.andersson@boras.se.example.org"})


def test_overifierad_e_post_raknas_inte():
    ansprak = {"email": "anna.andersson@boras.se", "email_verified": False}
    assert identitet(ansprak) is None
    assert not REGLER.far_andra(ansprak)


def test_grupp_ger_behorighet_och_upn_ar_identiteten_utan_e_post():
    ansprak = {"preferred_username": "bo.berg@boras.se", "groups": ["nyckeltal-redaktorer"]}
    assert REGLER.far_andra(ansprak)
    assert identitet(ansprak) == "bo.berg@boras.se"
    assert not REGLER.far_andra({**ansprak, "groups": ["alla-anstallda"]})


def test_en_enda_grupp_som_text_ar_en_lista_med_en_grupp():
    assert Behorighet.fran_installning({"grupper": "g1"}).grupper == frozenset({"g1"})
    # a group whose name merely contains an allowed group's name is not that group
    assert not REGLER.far_andra({"groups": "nyckeltal-redaktorer-gamla"})


def test_losenordet_ar_av_i_drift_om_det_inte_slas_pa_uttryckligen():
    assert losenord_tillatet({})
    assert not losenord_tillatet({"NYCKELTAL_DRIFT": "1"})
    assert losenord_tillatet({"NYCKELTAL_DRIFT": "1", "NYCKELTAL_TILLAT_LOSENORD": "1"})


def test_adressen_fran_proxyn_bara_bakom_proxyn():
    rubriker = {"X-Real-Ip": "10.1.2.3"}
    assert klientadress(rubriker, "127.0.0.1", bakom_proxy=True) == "10.1.2.3"
    # without our proxy the header is whatever the client wrote: not trusted
    assert klientadress(rubriker, "192.0.2.7", bakom_proxy=False) == "192.0.2.7"
    assert klientadress({}, None, bakom_proxy=False) == "lokal"


class Klocka:
    def __init__(self):
        self.nu = 1_000_000.0

    def __call__(self):
        return self.nu


def test_kontot_pausas_efter_fem_fel_aven_for_en_annan_raknare_pa_samma_fil(tmp_path):
    klocka = Klocka()
    fil = tmp_path / "forsok.sqlite3"
    replik_a = Forsoksraknare(fil, klocka=klocka)
    replik_b = Forsoksraknare(fil, klocka=klocka)
    for _ in range(5):
        assert replik_a.forsok("Anna", "10.0.0.1", lambda: False) is Utfall.FEL
    anropad = []
    # the right password, another replica, another address: the account is paused
    utfall = replik_b.forsok(" anna ", "10.0.0.2", lambda: anropad.append(1) or True)
    assert utfall is Utfall.SPARRAD and not anropad
    # after the window the account may try again
    klocka.nu += 15 * 60 + 1
    assert replik_b.forsok("anna", "10.0.0.2", lambda: True) is Utfall.INLOGGAD


def test_adressen_pausas_efter_tjugo_fel_over_alla_namn(tmp_path):
    raknare = Forsoksraknare(tmp_path / "forsok.sqlite3", klocka=Klocka())
    for n in range(20):
        assert raknare.forsok(f"namn{n}", "10.0.0.9", lambda: False) is Utfall.FEL
    assert raknare.forsok("nytt namn", "10.0.0.9", lambda: True) is Utfall.SPARRAD
    assert raknare.forsok("nytt namn", "10.0.0.10", lambda: True) is Utfall.INLOGGAD


def test_lyckad_inloggning_nollstaller_kontots_fel(tmp_path):
    raknare = Forsoksraknare(tmp_path / "forsok.sqlite3", klocka=Klocka())
    for _ in range(4):
        raknare.forsok("anna", "a", lambda: False)
    assert raknare.forsok("anna", "a", lambda: True) is Utfall.INLOGGAD
    for _ in range(4):
        assert raknare.forsok("anna", "a", lambda: False) is Utfall.FEL


def test_samtidiga_gissningar_kommer_inte_forbi_gransen(tmp_path):
    """Twenty guesses at once from separate counters (as from sessions on two replicas): the
    count, check and record are one transaction, so exactly five are tried."""
    fil = tmp_path / "forsok.sqlite3"
    provade = []
    las = threading.Lock()

    def gissa():
        def ratt():
            with las:
                provade.append(1)
            return False

        Forsoksraknare(fil).forsok("anna", "10.0.0.1", ratt)

    tradar = [threading.Thread(target=gissa) for _ in range(20)]
    for trad in tradar:
        trad.start()
    for trad in tradar:
        trad.join()
    assert len(provade) == 5

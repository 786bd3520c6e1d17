"""The open case's session: opening a case, showing its steps, completing a step and saving it on the save thread.

A step screen hands over a typed result (:mod:`screens.berichten`); the session saves it through the store on the
save thread (:mod:`screens.bewaarrij`), in order, and makes and prints letters there too. Completing a step switches
to the next one as soon as it validates; a failed save is reported and the data stays on screen. Every opening of a
case gets a token, so that a save that finishes after the consulent moved on touches nothing of the next case.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.screen import Screen

from screens import brieven
from screens.apptypen import AppBasis
from screens.concepten import hervat_stap
from smi_tui.fouten import SmiFout

if TYPE_CHECKING:
    from screens.berichten import StapKlaar, StapVerlaten
    from screens.stap import StapScherm
    from smi_tui.zaak import Stap, Zaak


def scherm_klasse(stap: Stap) -> Callable[..., Screen[Any]]:
    """The one place that picks the screen of a step: a class taking (zaak, regeling, concept, *, zaaknummer, vandaag,
    and register or andere_zaken for the melding and the besluit)."""
    from screens.besluit import BesluitScherm
    from screens.gesprek import GesprekScherm
    from screens.melding import MeldingScherm
    from screens.nazorg import NazorgScherm
    from screens.verslag import VerslagScherm
    from screens.voorliggend import VoorliggendScherm
    from smi_tui.zaak import Stap

    klassen: dict[Stap, Callable[..., Screen[Any]]] = {
        Stap.MELDING: MeldingScherm, Stap.GESPREK: GesprekScherm, Stap.VERSLAG: VerslagScherm,
        Stap.VOORLIGGEND: VoorliggendScherm, Stap.BESLUIT: BesluitScherm, Stap.AFGEROND: NazorgScherm,
    }  # fmt: skip
    return klassen[stap]


def _inhoud(zaak: Zaak) -> dict[str, Any]:
    """What later steps are built from: the case without its step and drafts."""
    return zaak.model_dump(exclude={"stap", "concepten"})


class Sessie(AppBasis):
    """Part of :class:`screens.app.SmiApp`: the open case (``zaak``, ``zaaknummer``), its steps and their saving."""

    def _nieuwe_sessie(self, zaaknummer: str | None) -> None:
        self._vergeet_schermen()
        with self._andere_slot:
            self._andere = None
        self._token = next(self._tokens)
        if zaaknummer is not None:
            self._nummers[self._token] = zaaknummer

    def open_zaak(self, zaaknummer: str, stap: Stap | None = None) -> None:
        """Open a case (from the werkvoorraad or the palette) at the step worked on last — the step of its newest
        draft, with the cursor where it was — else at the step it reached; at ``stap`` when given (f2 on the
        werkvoorraad: the dossier)."""
        self._open_worker(zaaknummer, stap)

    @work(thread=True, group="open")
    def _open_worker(self, zaaknummer: str, naar: Stap | None = None) -> None:
        from smi_tui.zaak import Zaak

        try:
            with self.slot:
                data = self.opslag.laad(zaaknummer)
            zaak = Zaak.model_validate(data)
        except (SmiFout, ValueError) as exc:
            self.call_from_thread(self.notify, getattr(exc, "melding", str(exc)), severity="error")
            return
        context = None
        with contextlib.suppress(SmiFout):  # read again (and reported) when the besluit is built
            context = self._lees_andere(zaak, zaaknummer)  # here, on this thread: a case may open at its besluit
        self.call_from_thread(self._geopend, zaaknummer, zaak, context, naar)

    def _geopend(self, zaaknummer: str, zaak: Zaak, context: Any = None, naar: Stap | None = None) -> None:
        self._bewaar_concept_van_scherm()
        self._naar_werkvoorraad()
        self._nieuwe_sessie(zaaknummer)
        self.zaak, self.zaaknummer = zaak, zaaknummer
        with self._andere_slot:
            self._andere = context
        stap = naar or hervat_stap(zaak)  # where the consulent was last (a draft), else the step the case reached
        self._toon_stap(stap, zaak.concepten.get(stap.value))

    def _stapscherm(self) -> StapScherm | None:
        """The open case's screen that is showing (below a lock or a dialog too), if any."""
        open_ = set(map(id, self._schermen.values()))
        return next((s for s in reversed(self.screen_stack) if id(s) in open_), None)

    def _maak_scherm(self, stap: Stap, concept: dict[str, Any] | None) -> Screen[Any] | None:
        """The (kept) screen of ``stap`` for the open case; built and installed when there is none yet."""
        scherm = self._schermen.get(stap)
        if scherm is not None:
            return scherm
        try:
            regeling = None
            if self.zaak is not None:
                regeling = self.register.voor(self.zaak.regeling, self.zaak.melding.datum)
            scherm = self._nieuw_scherm(stap, self.zaak, regeling, concept)
        except SmiFout as exc:
            self.notify(exc.melding, severity="error", timeout=10)
            return None
        self._schermen[stap] = scherm
        return scherm

    def _nieuw_scherm(
        self, stap: Stap, zaak: Zaak | None, regeling: Any, concept: dict[str, Any] | None
    ) -> Screen[Any]:
        """A new, installed screen of ``stap`` for ``zaak`` (raises SmiFout)."""
        klasse = scherm_klasse(stap)
        kw: dict[str, Any] = {"zaaknummer": self.zaaknummer, "vandaag": self.vandaag()}
        if klasse.__name__ in ("MeldingScherm", "BesluitScherm"):
            kw["register"] = self.register
        if klasse.__name__ == "BesluitScherm":
            kw["andere_zaken"] = self._andere_zaken()
        scherm = klasse(zaak, regeling, concept, **kw)
        self.install_screen(scherm, f"stap-{next(self._namen)}")
        return scherm

    def _toon_stap(self, stap: Stap, concept: dict[str, Any] | None = None) -> None:
        self._vergeet_vooraf()  # built for the step that is left now (a completed step took what fitted first)
        nieuw = stap not in self._schermen
        scherm = self._maak_scherm(stap, concept)
        if scherm is None:
            return
        if not nieuw:
            scherm.zaak, scherm.zaaknummer = self.zaak, self.zaaknummer  # type: ignore[attr-defined]  # a step screen's attributes; _schermen holds them typed as Screen
            if scherm.is_mounted:
                scherm.werk_kop_bij()  # type: ignore[attr-defined]  # a step screen's method; _schermen holds them typed as Screen
        if self._stapscherm() is self.screen:
            self.switch_screen(scherm)
        else:
            self.push_screen(scherm)

    def _naar_werkvoorraad(self) -> None:
        gesloten = bool(self._schermen)
        while self._stapscherm() is self.screen and self.screen is not self.werkvoorraad:
            self.pop_screen()
        self._vergeet_schermen()
        self.zaak, self.zaaknummer = None, None
        if gesloten:
            self.set_timer(0.3, self._ruim_op)

    def _met_consulent(self, zaak: Zaak) -> Zaak:
        from smi_tui.profiel import met_behandelaar  # the case keeps who handled it (issue 11)

        return met_behandelaar(zaak, self.consulent)

    @staticmethod
    def _met_nummer(zaak: Zaak, zaaknummer: str) -> Zaak:
        return zaak if zaak.zaaknummer == zaaknummer else zaak.model_copy(update={"zaaknummer": zaaknummer})

    def on_stap_verlaten(self, bericht: StapVerlaten) -> None:
        from screens.stap import VOLGORDE
        from smi_tui.zaak import Stap

        if bericht.concept is not None:  # (None would throw the stored draft away: here it means unchanged)
            self._bewaar_concept(bericht.stap, bericht.concept)
        if bericht.naar == "vorige":
            i = VOLGORDE.index(bericht.stap if bericht.stap in VOLGORDE else Stap.BESLUIT)
            vorige = VOLGORDE[max(i - 1, 0)]
            self._toon_stap(vorige, self.zaak.concepten.get(vorige.value) if self.zaak else None)
        else:
            self._naar_werkvoorraad()
            self.laad_lijst()

    def on_stap_klaar(self, bericht: StapKlaar) -> None:
        """Save on the save thread; with ``volgende`` show the next step at once."""
        from smi_tui.besluitregels import wijziging_geweigerd
        from smi_tui.zaak import Stap

        zaak = self._met_consulent(bericht.zaak)
        if (geweigerd := wijziging_geweigerd(self.zaak, zaak)) is not None:  # the screens refuse it first
            self.notify(geweigerd, title="Niet bewaard", severity="error", timeout=30)
            return
        if bericht.stap == Stap.MELDING and self.zaaknummer is None:
            self.nieuw_concept = None
        oud, self.zaak = self.zaak, zaak
        for scherm in self._schermen.values():
            scherm.zaak = zaak  # type: ignore[attr-defined]  # a step screen's attributes; _schermen holds them typed as Screen
        self.lees_andere_zaken()  # again only when the parents' BSNs or the regulation changed
        self._rij.in_rij(self._taak_klaar, self._token, zaak, bericht.stap, bericht.brieven, bericht.afronden, oud)
        if not bericht.volgende:
            return
        if oud is None or _inhoud(oud) != _inhoud(zaak):
            self._herzie_schermen(na=bericht.stap)  # later steps are built from what changed
        self._neem_vooraf(zaak)  # ... or were built ahead for it already
        doel = self._doel(bericht.stap, zaak)
        self._toon_stap(doel, zaak.concepten.get(doel.value))

    def _taak_klaar(
        self, token: int, zaak: Zaak, stap: Stap, soorten: tuple[str, ...], afronden: bool, oud: Zaak | None = None
    ) -> None:
        """Save a completed step or record. For a stored case its letters are made first, so a letter that cannot
        be made leaves the store as it was ("niet bewaard" is true); a letter that cannot be stored after the save
        puts the stored case back. A change to a final decision is refused (smi_tui.besluitregels). ``oud``: the
        open case before this one, restored on screen when nothing was stored (see :meth:`_niet_bewaard`)."""
        from smi_tui.besluitregels import weiger_wijziging

        meldingen: list[str] = []
        gestuurd, pdfs, vorig = zaak, None, None
        try:
            with self.slot:
                zaaknummer = self._nummers.get(token)
            if zaaknummer is not None and soorten:  # made first, outside the lock (ReportLab takes a while)
                zaak = self._met_nummer(zaak, zaaknummer)
                pdfs = self._maak_brieven(zaak, soorten)
            with self.slot:
                if zaaknummer is None:
                    zaaknummer = self.opslag.nieuwe_zaak(zaak, consulent=self.consulent, stap=stap.value)
                    self._nummers[token] = zaaknummer
                    self.opslag.bewaar_los_concept(None)
                    zaak = self._met_nummer(zaak, zaaknummer)
                else:
                    zaak = self._met_nummer(zaak, zaaknummer)
                    vorig = self.opslag.laad(zaaknummer)
                    weiger_wijziging(vorig, zaak)  # a final decision holds (BesluitVast)
                    if not pdfs:
                        vorig = None
                    self.opslag.bewaar(zaaknummer, zaak, consulent=self.consulent, stap=stap.value)
            meldingen.append(f"De stap {stap.value} van zaak {zaaknummer} is bewaard.")
            if soorten:
                try:
                    zaak = self._brieven(
                        zaaknummer, zaak, pdfs or self._maak_brieven(zaak, soorten), afronden, meldingen
                    )
                except Exception:
                    if vorig is not None:  # not kept without its letter: the store as before this save
                        with self.slot:
                            self.opslag.bewaar(zaaknummer, vorig, consulent=self.consulent, stap=stap.value)
                    raise
            with self.slot:
                rijen = self.opslag.lijst()
        except Exception as exc:  # the form waiting for this save must hear of any failure
            melding = exc.melding if isinstance(exc, SmiFout) else f"onverwachte fout ({type(exc).__name__})."
            self._rij.na(self._niet_bewaard, token, stap, melding, gestuurd, oud)
            return
        self._rij.na(self._bewaard, token, zaaknummer, zaak, rijen, meldingen)

    def _maak_brieven(self, zaak: Zaak, soorten: tuple[str, ...]) -> list[tuple[str, bytes]]:
        """The PDFs of ``soorten`` for ``zaak`` (raises SmiFout when one cannot be made)."""
        from smi_tui.beoordeling import beoordeel_zaak

        beoordeling = beoordeel_zaak(zaak, self.register, peildatum=self.vandaag(), andere_zaken=self._andere_zaken())
        import letters  # a refusal has no plan van aanpak: only the letters that belong to the case

        return [(soort, brieven.maak(soort, zaak, beoordeling)) for soort in letters.bij_zaak(soorten, zaak)]

    def _brieven(
        self, zaaknummer: str, zaak: Zaak, pdfs: list[tuple[str, bytes]], afronden: bool, meldingen: list[str]
    ) -> Zaak:
        from smi_tui.besluitregels import markeer
        from smi_tui.zaak import Stap

        nieuw = zaak
        for soort, pdf in pdfs:
            with self.slot:
                doc_id = self.opslag.voeg_document_toe(
                    zaaknummer,
                    f"{soort}-{zaaknummer}.pdf",
                    soort,
                    pdf,
                    consulent=self.consulent,
                    vervangt=soort in brieven.NAMEN,
                )
            naam = brieven.NAMEN.get(soort, soort)
            try:
                with self.slot, self.opslag.document_voor_afdruk(zaaknummer, doc_id, naam=f"{soort}.pdf") as pad:
                    meldingen.append(f"{naam} is bewaard en {self.printer(pad)}.")
                self.afdrukken.append(soort)
                with self.slot:  # the document list (f6) shows it as printed
                    self.opslag.markeer_afgedrukt(zaaknummer, doc_id, consulent=self.consulent)
                if soort == "beschikking":  # printed: from now on the decision holds (smi_tui.besluitregels)
                    nieuw = markeer(nieuw, afgedrukt_op=self.vandaag())
            except SmiFout as exc:
                meldingen.append(f"{naam} is bewaard; {exc.melding}")
        if afronden:
            nieuw = nieuw.model_copy(update={"stap": Stap.AFGEROND})
        if nieuw != zaak:
            zaak = nieuw
            with self.slot:
                self.opslag.bewaar(zaaknummer, zaak, consulent=self.consulent, stap=Stap.AFGEROND.value)
        return zaak

    def _bewaard(self, token: int, zaaknummer: str, zaak: Zaak, rijen: list[Any], meldingen: list[str]) -> None:
        self._toon_lijst(rijen)
        for m in meldingen:
            self.notify(m)
        if token != self._token:
            return
        self.zaaknummer = zaaknummer
        if self.zaak is not None:
            from smi_tui.besluitregels import markeer

            b = zaak.besluit
            self.zaak = markeer(
                self.zaak.model_copy(update={"zaaknummer": zaaknummer, "stap": zaak.stap}),
                afgedrukt_op=b.afgedrukt_op if b else None,
                verzonden_op=b.verzonden_op if b else None,
            )
        for scherm in self._schermen.values():
            scherm.zaak, scherm.zaaknummer = self.zaak, zaaknummer  # type: ignore[attr-defined]  # a step screen's attributes; _schermen holds them typed as Screen
            if scherm.is_mounted:
                scherm.werk_kop_bij()  # type: ignore[attr-defined]  # a step screen's method; _schermen holds them typed as Screen

    def _niet_bewaard(
        self, token: int, stap: Stap, melding: str, zaak: Zaak | None = None, oud: Zaak | None = None
    ) -> None:
        dossier = self._schermen.get(self._afgerond())
        terug = getattr(dossier, "niet_bewaard", None)
        if token == self._token and zaak is not None and self.zaak is zaak and terug is not None and terug(melding):
            # a record of the dossier screen: nothing was stored, so the open case is as before (its form says why)
            self.zaak = oud
            for scherm in self._schermen.values():
                scherm.zaak = oud  # type: ignore[attr-defined]  # a step screen's attributes; _schermen holds them typed as Screen
            return
        self.notify(
            f"Stap {stap.value} is NIET bewaard: {melding} Uw invoer staat nog in de schermen; "
            "ga terug (ctrl+b) en rond de stap opnieuw af (ctrl+s).",
            title="Bewaren mislukt",
            severity="error",
            timeout=60,
        )

    # --- the other cases the besluit needs -----------------------------------------------------------------
    def _andere_zaken(self) -> list[tuple[str, Zaak]]:
        """The other stored cases the assessment of the open case needs (see :meth:`_lees_andere`), read once per
        open case and kept while what the read depends on stays the same: no other case changes while this one is
        open. They are read on a thread ahead (when the case opens, and by :meth:`lees_andere_zaken` after a step),
        so building the besluit does not wait for the store on the UI thread."""
        zaak, zaaknummer = self.zaak, self.zaaknummer  # one snapshot: the UI thread may replace them meanwhile
        if zaak is None or self.opslag is None:
            return []
        with self._andere_slot:
            if self._andere is not None and self._andere[0] == self._andere_sleutel(zaak, zaaknummer):
                return self._andere[1]
        context = self._lees_andere(zaak, zaaknummer)
        with self._andere_slot:
            self._andere = context
        return context[1]

    @staticmethod
    def _andere_sleutel(zaak: Zaak, zaaknummer: str | None) -> tuple[Any, ...]:
        """What reading the other cases depends on: the case itself, its regulation and date, the BSNs."""
        m = zaak.melding
        return (
            zaaknummer,
            zaak.regeling,
            m.datum,
            frozenset(p.bsn for p in m.ouders if p.bsn) | {k.bsn for k in m.kinderen if k.bsn},
        )

    def _lees_andere(self, zaak: Zaak, zaaknummer: str | None) -> tuple[tuple[Any, ...], list[tuple[str, Zaak]]]:
        """Read from the store the earlier decisions for the same parents (repeat applications) and, under a
        budget ceiling, the cases of the same regulation (which can be many dossiers to decrypt); with the key
        they were read for. The caller holds no lock; a case that does not validate is left out."""
        from smi_tui.regeling import ToetsBudgetplafond
        from smi_tui.zaak import Zaak

        regeling = self.register.voor(zaak.regeling, zaak.melding.datum)
        with self.slot:
            paren = self.opslag.context_voor(
                zaak.model_dump(mode="json"), zaaknummer, zelfde_regeling=regeling.toets(ToetsBudgetplafond) is not None
            )
        uit: list[tuple[str, Zaak]] = []
        for zn, data in paren:
            try:
                uit.append((zn, Zaak.model_validate(data)))
            except ValueError:
                continue
        return self._andere_sleutel(zaak, zaaknummer), uit

    @work(thread=True, group="context", exclusive=True)
    def lees_andere_zaken(self) -> None:
        """Read (or refresh) the open case's other cases on a thread, ahead of the besluit."""
        with contextlib.suppress(SmiFout):  # read again (and reported) when the besluit is built
            self._andere_zaken()

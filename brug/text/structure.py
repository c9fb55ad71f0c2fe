"""Rules that read Dutch sentence structure instead of fixed strings.

Each message is split into sentences; within a sentence the rules look for *slots*, in any
person and tense:

* **dreiging** — knowing where someone lives or works ("wij weten waar de wethouder woont",
  "zijn adres is bekend"); violence against a body part or a person ("flink op zijn bek slaan",
  "in elkaar trappen", "benen breken"); killing or hanging a person ("opknopen", "kogel", "tegen
  de muur"); death wishes ("ik hoop dat hij doodgaat", "moet dood"); fire against a place
  ("azc in de fik"); calls to visit or confront an office holder ("de wethouder thuis opzoeken",
  "een bezoekje brengen", "opwachten");
* **veralgemenisering** — "die/al die/alle/zulke + groep + negatief gezegde" ("Die Marokkaanse
  jongens verpesten het hier"), "ze passen zich nooit aan";
* **ontmenselijking** — a dehumanising label said of people ("het zijn beesten", "ongedierte");
* **aanspreking** — hostile address ("jullie + groep/scheldwoord", "jij vuile …");
* **samenstelling** — a compound ending in an insult ("asielgespuis", "lachgasjochies" is not).

Guards: a match does not count when the sentence is negated before it ("ik wil niemand iets
aandoen"), is a question asking for information ("weet iemand waar de wethouder spreekuur
houdt?"), or quotes/reports hostile speech ("kreeg een briefje met 'we weten waar je woont'",
"werd bedreigd", "schreef"). Guards are themselves returned as context hits, so the trained
model can use them as features.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from brug.text.lexicon import load_word_list
from brug.text.normalise import tokenize

# Splits where r"(?<=[.!?\n])\s+|\n" splits (white space after a sentence end, or a line break),
# written to start with a white-space character so that the search skips to those quickly.
_SENTENCE = re.compile(r"\s(?:(?<=[.!?\n]\s)\s*|(?<=\n))")
_QUOTED = re.compile(r"[\"“”„«»]|(?:^|\s)'|'(?:\s|$|[.,!?])")


@cache  # also called inside the rules with literal word lists: split each list once
def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


OFFICE = _set(
    "wethouder wethouders burgemeester burgemeesters burgervader raadslid raadsleden raad gemeenteraad "
    "gemeenteraadsleden raadsvrouw raadsheer minister ministers gedeputeerde ambtenaar ambtenaren "
    "ambtenaartje griffier college bestuurder bestuurders politici politicus kamerleden directeur "
    "projectleider inspecteur handhaver boa viroloog virologen huisarts premier rutte hugo remkes "
    "corporatiedirecteur wethoudr wetthouder burgemeestr"
)
PRONOUN = _set("hem haar hen hun jou je jullie u hij zij ze die diegene zo'n iemand")
GROUP = _set(
    "marokkanen marokkaanse marokkaantjes marokkaan turken turkse turk polen poolse roemenen "
    "roemeense syriers syrische eritreeers eritrese somaliers afrikanen afrikaanse antillianen "
    "antilliaanse buitenlanders buitenlandse allochtonen allochtone moslims moslim islamieten "
    "migranten asielzoekers asielzoeker gelukzoekers vluchtelingen statushouders nieuwkomers "
    "oekrainers oost europeanen zwarten zwarte bruine bruin homo's homos homo lesbiennes lesbo's "
    "trans transgenders transgender transvrouwen transmannen non binairen zigeuners joden arabieren "
    "azc'ers surinamers expats yuppen hipsters import randstedelingen wappies antivaxers boeren "
    "ongevaccineerden geprikten gevaccineerden ongeprikten jongeren jongens jochies hangjongeren "
    "nieuwe nederlanders vreemdelingen bewoners lui mensen types figuren volk gasten"
)
# Every group word of the neutral lexicon is a group here too, so that no group gets a rule of its own.
GROUP = GROUP | load_word_list("neutraal.txt")
PROTECTED = GROUP - _set(
    "expats yuppen hipsters import randstedelingen wappies antivaxers boeren ongevaccineerden "
    "geprikten gevaccineerden ongeprikten jongeren jongens jochies hangjongeren bewoners lui mensen "
    "types figuren volk gasten"
)
DETERMINER = _set("die al alle zulke zulk zo'n dat allemaal elke iedere")
NEG_PREDICATE = _set(
    "verpesten verpest verziekt verzieken verknallen stelen steelt jatten jatten gappen crimineel "
    "criminelen criminaliteit lui profiteren profiteurs profiteur parasiteren overlast agressief "
    "agressiever dronken zuipen zuipt vechten brutaal asociaal dealers dealer zakkenrollers dieven "
    "uitkering uitvreters tuig terroristen verkrachters lastig lastigvallen aandachttrekkers "
    "gestoord ziek pedo's pedo vies vieze dom domme achterlijk onaangepast fokken overgenomen "
    "overnemen sharia respectloos crimineler gevaarlijk gevaarlijker rotzooi haten haat zooitje "
    "puinhoop kapot klaplopers klaploper werkschuw primitief primitieve barbaars stinken stinkt "
    "uitvreten inpikken pikken uitbuiten"
)
# Negative predicates of two words ("geen respect", "niet werken", "doen niks").
NEG_PAIRS = frozenset(
    (
        ("geen", "respect"),
        ("niet", "werken"),
        ("nooit", "gewerkt"),
        ("nooit", "werken"),
        ("doen", "niks"),
        ("doen", "niets"),
        ("niks", "doen"),
        ("de", "war"),
        ("willen", "niet"),
        ("lachen", "ons"),
        ("de", "fout"),
    )
)
# A generic noun ("die lui", "die mensen", "die jongens") names a group when a place or origin
# follows: "die lui uit het azc", "die jongens uit de Bijlmer".
GENERIC = _set("mensen lui types figuren volk gasten bewoners jongens")
ORIGIN = _set("uit van")
ADAPT = _set("aanpassen integreren werken leren aan")
NEGATION = _set("niet nooit geen niemand niks niets nergens")
DEHUMAN = _set(
    "ongedierte kakkerlakken kakkerlak ratten rat parasieten parasiet beesten dieren apen aap bavianen "
    "vee wilden sprinkhanen sprinkhanenplaag plaag gespuis uitschot schorem gedrochten zombies "
    "bloedzuigers made kankergezwel tuig gajes addergebroed wezens monsters honden zwijnen konijnen"
)
INSULT = _set(
    "klootzak klootzakken idioot idioten debiel debielen mongool mongolen sukkel sukkels hoer hoeren "
    "lul hufter hufters eikel eikels imbeciel achterlijk achterlijke kneus randdebiel randdebielen "
    "leugenaar leugenaars verrader verraders landverrader landverraders volksverrader zakkenvuller "
    "zakkenvullers oplichter oplichters dieven schoft smeerlap lafaard lafbek prutser prutsers "
    "nietsnutten freak freaks viespeuken perverselingen flikkers flikker etters ettertjes tokkies "
    "teringlijer kankerlijer clowns dombo slijmbal kwal huichelaar psychopaat gek gestoord gestoorde "
    "vuile vieze smerige domme stomme laffe gore walgelijke"
)
INSULT_SUFFIXES = ("gespuis", "tuig", "lijer", "hoer", "klootzak", "wijf", "zooi", "volk", "gajes", "lul")
SAFE_COMPOUNDS = _set("jongerenwerk tuigage speeltuig vliegtuig voertuig werktuig vaartuig rijtuig")
VIOLENCE = _set(
    "slaan sla slaat geslagen timmeren timmer rammen ram geramd trappen trap getrapt schoppen schop "
    "beuken meppen rossen knallen mep dreun klap klappen slag"
)
BODY = _set("bek smoel muil kop harses hoofd gezicht snufferd bakkes kanis hersens donder sodemieter")
BODY_POSS = _set("zijn z'n zn ze je jouw d'r haar hun hullie der")
HARM_PHRASES = (
    ("in", "elkaar"),
    ("verrot",),
    ("lens",),
    ("bont", "en", "blauw"),
    ("hersens", "in"),
    ("benen", "breken"),
    ("breek", "ik"),
    ("afranselen",),
    ("aftuigen",),
    ("afgetuigd",),
    ("te", "grazen"),
    ("pak", "slaag"),
    ("pak", "rammel"),
    ("aan", "zijn", "haren"),
)
KILL = _set(
    "doodschieten neerschieten afschieten schiet afknallen neerknallen doodsteken neersteken steek "
    "afmaken maak vermoorden vermoord wurgen opknopen opgeknoopt ophangen opgehangen hang hangen "
    "strop galg kogel kogels vergassen vergast gaskamer overrijden omverrijden overrijd verzuipen "
    "verdrinken afslachten slachten verbranden"
)
HANG_OBJECTS = _set(
    "voorstel voorstellen plan plannen motie moties alles idee vergunning ganzen wolf vee duiven "
    "schilderij spandoek spandoeken lijsten lijst slingers vlag vlaggen kerstlichtjes lichtjes vogelhuisjes "
    "posters poster lampen lamp kerstboom was foto foto's bord borden nestkastje"
)
# "afmaken", "inmaken" at a game or match: "ik ga ze allemaal afmaken bij het toernooi".
GAME = _set(
    "toernooi wedstrijd sjoelen potje competitie finale klaverjassen klaverjas schaken darten "
    "bridge biljarten voetbal zaalvoetbal hockey tennis pingpong tafeltennis quiz pubquiz bingo "
    "spelletje kaarten bordspel fifa"
)
_SPEAKER = _set("ik we wij")
DEATH = _set("dood doodgaat sterft sterven creperen verrekt verrekken hartaanval kanker zinkt")
WISH = _set("hoop hoopt hopen wens wensen hopelijk verdient verdienen moet moeten mag")
FIRE = _set(
    "fik brand afbranden platbranden aansteken molotov molotovs molotovcocktail benzine branden brandt"
)
PLACE = _set("azc gemeentehuis stadhuis huis moskee auto ruiten ramen pand kantoor brievenbus")
VISIT = _set(
    "bezoeken bezoekje opzoeken opwachten opgewacht langs langsgaan halen vinden spreken aanpakken "
    "pakken sleuren trappen bestormen"
)
LIVE = _set("woont wonen woon woonde slaapt slaap werkt werken werk kinderen school parkeert sport")
KNOW = _set("weet weten weetn weet'n ken kennen kent wisten wist")
ADDRESS_WORDS = _set("adres adressen")
ADDRESS_CUES = _set("bekend weten weet posten gevonden vinden hebben heb rondgestuurd")
REPORT = _set(
    "schreef schrijft schreven riep riepen roept geroepen zei zeiden zegt zeggen noemde noemden "
    "genoemd kreeg kregen ontving gekalkt geklad stond scandeerden scanderen werd bedreigd "
    "bedreiging bedreigingen dreigbrief dreigbrieven aangifte gemeld melden gerapporteerd "
    "veroordeeld verdachte politie onderzoekt titel podcast boek hoorde quote citaat"
)
CONDEMN = _set(
    "walgelijk schandalig onacceptabel schaam schamen verwerpelijk triest ziek intimidatie strafbaar "
    "verschrikkelijk vreselijk onvoorstelbaar accepteren accepteert veroordelen moderator"
)
QUESTION_ASK = _set("weet iemand klopt waar wanneer hoe hoeveel wat welke kan mag")
YOU_PLURAL = _set("jullie jij")
QUESTION_OPENERS = _set("weet weten woont klopt wanneer hoeveel hoe welke vraag vraagje kan mag")
HOSTILE_WORDS = (
    INSULT
    | DEHUMAN
    | KILL
    | VIOLENCE
    | DEATH
    | _set(
        "aandoen bedreigen dreigen ophangen dood slaan geweld criminelen crimineel "
        "uitschelden schelden haat doodsbedreigingen"
    )
)
REPORTED_SPEECH = _set(
    "zegt zeggen zei roept roepen riep noemt noemen noem noemde schrijft schrijven hoor hoorde"
)
# A claim about a group that the sentence itself rejects ("Zeggen dat alle asielzoekers criminelen
# zijn is onzin", "Dat verhaal dat statushouders uitvreters zijn, klopt niet"): claim word, then
# the group or hostile word, then the rejection, in that order.
CLAIM = _set("zeggen zegt zei beweren beweert beweerde verhaal verhaaltje idee roepen roept las lees gelezen")
REJECT = _set("onzin onwaar kul gelul flauwekul fabel fabeltje bullshit nonsens dom klets kletspraat")
REJECT_AFTER = {"klopt": _set("niet niks geen"), "niet": _set("waar"), "is": _set("onzin")}


_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("GROEP", PROTECTED),
    ("BESTUUR", OFFICE - PRONOUN),
    ("SCHELD", INSULT),
    ("DIER", DEHUMAN),
    ("DOOD", KILL | DEATH),
    ("SLAAN", VIOLENCE),
    ("LICHAAM", BODY),
    ("NIET", NEGATION),
    ("WIJ", _set("wij we ons onze onszelf")),
    ("ZIJ", _set("zij hun hen hullie zullie")),
)
TRIGGERS = (
    KNOW
    | ADDRESS_WORDS
    | VIOLENCE
    | KILL
    | DEATH
    | FIRE
    | VISIT
    | GROUP
    | DEHUMAN
    | YOU_PLURAL
    | _set(
        "woont woon tegen hoogste dagen verrot lens bont hersens benen breek afranselen aftuigen afgetuigd te pak aan"
    )
    | _set("aanpassen integreren passen")
    | HOSTILE_WORDS
    | REPORTED_SPEECH
    | QUESTION_OPENERS
    | CLAIM
    | _set("eigenlijk")
)
_CLASS_OF: dict[str, str] = {}
for _name, _words in reversed(_CLASSES):  # the first class listed wins, as in a lookup in order
    _CLASS_OF.update(dict.fromkeys(_words, _name))
_KNOW_TRIGGERS = KNOW | ADDRESS_WORDS | frozenset(("woont", "woon"))
# A generalisation about a group named by origin, faith, colour, gender or sexuality is hostile
# by the labelling guide; about others ("wappies", "yuppen") it is us–them only.
PROTECTED_GENERALISATION = "groep naar herkomst, geloof of gender met negatief gezegde"
HOSTILE_KINDS = frozenset({"dreiging", "ontmenselijking", "aanspreking", "samenstelling"})
FRAMING_KINDS = frozenset({"veralgemenisering", "aanspreking"})
GUARD_KINDS = frozenset({"ontkenning", "citaat", "vraag"})


@dataclass(frozen=True)
class Hit:
    """One structural rule hit: `kind` (dreiging, veralgemenisering, …) and the words it saw."""

    kind: str
    rule: str
    words: tuple[str, ...]

    def explain(self) -> str:
        return f"{self.kind} ({self.rule}): {' '.join(self.words)}"


def _window(tokens: list[str], i: int, before: int, after: int) -> list[str]:
    return tokens[max(0, i - before) : i + after + 1]


def _negated(tokens: list[str], i: int, reach: int = 5) -> bool:
    return any(t in NEGATION for t in tokens[max(0, i - reach) : i])


_THEY = frozenset(("ze", "zij", "die"))
# Unions the rules test windows against, made once (a union of these sets costs more than the test).
_TARGET = OFFICE | PRONOUN | GROUP
_KILL_TARGET = _TARGET | DEHUMAN | INSULT
_DEHUMANISED = GROUP | PRONOUN | OFFICE | _set("zijn het net als stelletje allemaal")
_INSULTING = INSULT | DEHUMAN
_GO_AWAY = INSULT | _set("rot rotten oprotten terug")
_ADDRESSED = INSULT | DEHUMAN | PROTECTED
_COLON_QUOTE = re.compile(r":\s*['\"]")


def _sentence_hits(raw: str, tokens: list[str]) -> list[Hit]:
    hits: list[Hit] = []
    n = len(tokens)
    tset = set(tokens)
    has_target = not tset.isdisjoint(_TARGET)
    # --- knowing where someone lives / works
    # (each rule below first checks with one set operation that its trigger words occur at all)
    for i, t in enumerate(tokens) if tset & _KNOW_TRIGGERS else ():
        if t in KNOW:
            rest = tokens[i + 1 : i + 9]
            if ("waar" in rest or "wie" in rest or "welke" in rest or "wanneer" in rest) and set(rest) & LIVE:
                if not _negated(tokens, i):
                    hits.append(
                        Hit("dreiging", "weten waar iemand woont", (t, "waar", *sorted(set(rest) & LIVE)))
                    )
                break
            if "wie" in rest and ("bent" in rest or "zijn" in rest or "jullie" in rest):
                hits.append(Hit("dreiging", "weten wie je bent", (t, "wie")))
                break
        if t in ADDRESS_WORDS and set(_window(tokens, i, 4, 4)) & ADDRESS_CUES and has_target:
            hits.append(Hit("dreiging", "adres bekend", (t,)))
            break
        if t in ("woont", "woon") and i + 2 < n and tokens[i + 1] in ("op", "trouwens", "gewoon"):
            if any(x.isdigit() or x == "nummer" for x in tokens[i + 1 : i + 5]):
                hits.append(Hit("dreiging", "adres gedeeld", (t, *tokens[i + 1 : i + 4])))
                break
    # --- violence against a body part or a person
    for i, t in enumerate(tokens) if tset & VIOLENCE else ():
        if t in VIOLENCE:
            span = _window(tokens, i, 6, 6)
            for j, w in enumerate(span[:-1]):
                if w in ("op", "voor", "in") and (span[j + 1] in BODY_POSS or span[j + 1] in BODY):
                    tail = span[j + 1 : j + 3]
                    if set(tail) & BODY:
                        if not _negated(tokens, i):
                            hits.append(Hit("dreiging", "geweld tegen het lichaam", (t, w, *tail)))
                        break
            else:
                continue
            break
    for phrase in HARM_PHRASES if has_target else ():
        if phrase[0] not in tset:
            continue
        k = len(phrase)
        for i in range(n - k + 1):
            if tuple(tokens[i : i + k]) == phrase and has_target and not _negated(tokens, i):
                hits.append(Hit("dreiging", "iemand iets aandoen", phrase))
                break
    # --- killing, hanging, shooting a person
    for i, t in enumerate(tokens) if tset & KILL else ():
        if t in KILL:
            win = set(_window(tokens, i, 7, 5))
            if win & HANG_OBJECTS or (t in ("afmaken", "maak") and not tset.isdisjoint(GAME)):
                continue
            if t in ("hangen", "hang", "schiet", "steek", "maak", "slachten") and not (win & _TARGET):
                continue
            if (win & _KILL_TARGET) and not _negated(tokens, i):
                hits.append(Hit("dreiging", "doden of ophangen", (t,)))
                break
    for i in range(n - 2) if ("muur" in tset or "boom" in tset) else ():
        if tokens[i : i + 3] in (["tegen", "de", "muur"], ["hoogste", "boom", "aan"]) or tokens[
            i : i + 2
        ] == [
            "hoogste",
            "boom",
        ]:
            if not _negated(tokens, i):
                hits.append(Hit("dreiging", "tegen de muur / hoogste boom", tuple(tokens[i : i + 3])))
            break
    # --- death wishes
    for i, t in enumerate(tokens) if tset & DEATH else ():
        if t in DEATH and not _negated(tokens, i, 3):
            win = set(_window(tokens, i, 7, 2))
            if win & WISH and (win & _TARGET or "dat" in win):
                hits.append(Hit("dreiging", "doodswens", (t,)))
                break
    if "dagen" in tset and "geteld" in tset:
        hits.append(Hit("dreiging", "doodswens", ("dagen", "geteld")))
    # --- fire against a place
    for i, t in enumerate(tokens) if tset & FIRE else ():
        if t in FIRE:
            if (
                t in ("brand", "brandt", "branden")
                and not (i > 0 and tokens[i - 1] == "in")
                and "moet" not in tokens
            ):
                continue  # "grote brand bij …" is news; "in brand (steken)" or "moet branden" is not
            win = set(_window(tokens, i, 9, 6))
            if (
                win & PLACE
                and not _negated(tokens, i)
                and not win & _set("keukenbrand brandweer kortsluiting oefent")
            ):
                hits.append(Hit("dreiging", "brand stichten", (t, *sorted(win & PLACE))))
                break
    # --- visiting / confronting an office holder or a group
    for i, t in enumerate(tokens) if tset & VISIT else ():
        if t in VISIT:
            win = set(_window(tokens, i, 8, 4))
            group_target = (
                t in ("aanpakken", "pakken", "opzoeken", "halen") and bool(win & PROTECTED) and "zelf" in win
            )
            if (
                win & OFFICE
                or group_target
                or (t in ("halen", "opwachten", "opgewacht", "sleuren") and win & PRONOUN)
            ):
                if not _negated(tokens, i) and not (
                    win & _set("spreekuur vraag vragen uitnodigen uitgenodigd gesprek")
                ):
                    if (
                        not group_target
                        and t in ("vinden", "spreken", "langs", "pakken", "aanpakken", "trappen")
                        and not (win & _set("thuis persoonlijk huis adres zelf wel knuppels paar vrienden"))
                    ):
                        continue
                    hits.append(Hit("dreiging", "iemand opzoeken of aanpakken", (t, *sorted(win & OFFICE))))
                    break
    # --- generalisation
    for i, t in enumerate(tokens) if tset & GROUP else ():
        if t in GROUP and (
            t not in GENERIC
            or (i + 1 < n and tokens[i + 1] in ORIGIN and i > 0 and tokens[i - 1] in DETERMINER)
        ):
            before = set(tokens[max(0, i - 3) : i])
            span = tokens[max(0, i - 8) : i + 10]
            around = set(tokens[i + 1 : i + 10]) | set(tokens[max(0, i - 8) : i])
            # (a predicate right after "ik"/"we" is the speaker's own: "toen ik ziek was")
            own = {b for a, b in zip(span, span[1:], strict=False) if a in _SPEAKER}
            predicate = (
                sorted((around & NEG_PREDICATE) - own)[:2]
                or [" ".join(p) for p in zip(span, span[1:], strict=False) if p in NEG_PAIRS][:1]
            )
            if (before & DETERMINER or i == 0 or "zijn" in around or "allemaal" in around) and predicate:
                if not _negated(tokens, i, 3):
                    rule = PROTECTED_GENERALISATION if t in PROTECTED else "groep met negatief gezegde"
                    hits.append(Hit("veralgemenisering", rule, (t, *predicate)))
                    break
    for i, t in enumerate(tokens) if tset & _THEY else ():
        if t in ("ze", "zij", "die") and i + 3 < n:
            rest = tokens[i + 1 : i + 6]
            adapt = set(rest) & _set("aanpassen integreren") or ("passen" in rest and "aan" in rest)
            if ("nooit" in rest or "niet" in rest) and adapt:
                hits.append(Hit("veralgemenisering", "passen zich nooit aan", (t, "nooit/niet", "aanpassen")))
                break
    # --- dehumanising label said of people
    for i, t in enumerate(tokens) if tset & DEHUMAN else ():
        if t in DEHUMAN:
            win = set(_window(tokens, i, 6, 4))
            if win & _DEHUMANISED:
                if not _negated(tokens, i, 3):
                    hits.append(Hit("ontmenselijking", "mensen als dier, ziekte of vuil", (t,)))
                    break
    # --- hostile address
    for i, t in enumerate(tokens) if tset & YOU_PLURAL else ():
        if t in YOU_PLURAL:
            win = set(tokens[i + 1 : i + 6])
            if win & _INSULTING or (win & PROTECTED and set(tokens) & _GO_AWAY):
                hits.append(
                    Hit(
                        "aanspreking",
                        "vijandige aanspreking",
                        (t, *sorted(win & _ADDRESSED)[:2]),
                    )
                )
                break
    # --- compounds ending in an insult
    for t in tokens:
        if len(t) > 7 and t not in SAFE_COMPOUNDS and t.endswith(INSULT_SUFFIXES):
            suffix = next(s for s in INSULT_SUFFIXES if t.endswith(s))
            if len(t) - len(suffix) >= 3:
                hits.append(Hit("samenstelling", "scheldwoord in samenstelling", (t,)))
                break
    return hits


def class_bigrams(tokens: list[str]) -> list[str]:
    """Bigram features with word classes ("die GROEP", "GROEP zijn", "jullie SCHELD") so that the
    model learns a pattern once for every group, office or insult."""
    classes = list(map(_CLASS_OF.get, tokens, tokens))  # a token's class, or the token itself
    upper = list(map(str.isupper, classes))
    if True not in upper:
        return []
    out = [
        f"k:{a}_{b}"
        for a, b, a_up, b_up in zip(classes, classes[1:], upper, upper[1:], strict=False)
        if a_up or b_up
    ]
    # dict.fromkeys, not set: the order of features must not depend on PYTHONHASHSEED.
    out.extend(f"k:{c}" for c in dict.fromkeys(classes) if c.isupper())
    return out


_HEARER = _set("ik je jij we wij u")
_HEARD = _set("dat iemand mensen men sommigen ze vaak steeds wel eens zeggen roepen")


def _hearing(tokens: list[str], i: int) -> bool:
    """Whether "hoor" at i is the verb ("ik hoor dat …", "hoor ik vaak", "je hoor mensen zeggen")
    and not the particle that closes or softens a sentence ("Ja hoor", "knap hoor", "… woont hoor")."""
    return (i > 0 and tokens[i - 1] in _HEARER) or not _HEARD.isdisjoint(tokens[i + 1 : i + 3])


def _rhetorical(tokens: list[str], tset: set[str]) -> bool:
    """A question that asks for nothing: "weet je wat die wethouder nodig heeft?", "wanneer gaan
    we nou eens iets doen?" (what follows is the speaker's own answer or call)."""
    return tokens[:3] == ["weet", "je", "wat"] or ("eens" in tset and not tset.isdisjoint(_RHETORIC))


_RHETORIC = _set("nou nu eindelijk")


def _rejected_claim(tokens: list[str]) -> tuple[str, str] | None:
    """(claim word, rejection) when the sentence states a claim about a group and rejects it."""
    for i, t in enumerate(tokens):
        if t not in CLAIM:
            continue
        for j in range(i + 1, len(tokens)):
            if tokens[j] in GROUP or tokens[j] in HOSTILE_WORDS:
                for k in range(j + 1, len(tokens)):
                    w = tokens[k]
                    if w in REJECT:
                        return t, w
                    follow = REJECT_AFTER.get(w)
                    if follow and k + 1 < len(tokens) and tokens[k + 1] in follow:
                        return t, f"{w} {tokens[k + 1]}"
                return None
    return None


def _context_hits(raw: str, tokens: list[str], tset: set[str] | None = None) -> list[Hit]:
    """Negation of a hostile word, someone else's words ("wie zegt dat …"), information questions,
    a claim about a group that the sentence rejects. `tset` is set(tokens) when the caller has it."""
    out: list[Hit] = []
    if tset is None:
        tset = set(tokens)
    rejected = None if tset.isdisjoint(CLAIM) else _rejected_claim(tokens)
    if rejected is not None:
        out.append(Hit("ontkenning", "bewering afgewezen", rejected))
    if ":" in raw and _COLON_QUOTE.search(raw):
        out.append(Hit("citaat", "citaat in kop of verslag", (":",)))
    if (
        raw.rstrip().endswith("?")
        and (tokens[0] in QUESTION_OPENERS or "eigenlijk" in tokens)
        and not _rhetorical(tokens, tset)
    ):
        out.append(Hit("vraag", "informatievraag", (tokens[0],)))
    # (each loop runs only when its words occur at all: one set operation instead of a loop)
    negated = not tset.isdisjoint(NEGATION) and not tset.isdisjoint(HOSTILE_WORDS)
    for i, t in enumerate(tokens) if negated else ():
        if t in HOSTILE_WORDS:
            for j in range(max(0, i - 5), i):
                # "dat" as a conjunction ("niet dat ik ze wil slaan"), not as the article of the
                # hostile word itself ("niks aan dat tuig")
                close = i - j <= 2 or "dat" in tokens[j : i - 1] or tokens[j] == "niemand"
                if tokens[j] in NEGATION and close:
                    out.append(Hit("ontkenning", "vijandig woord ontkend of afgewezen", (tokens[j], t)))
                    break
            else:
                continue
            break
    for i, t in enumerate(tokens) if not tset.isdisjoint(REPORTED_SPEECH) else ():
        if t in REPORTED_SPEECH:
            before = set(tokens[max(0, i - 3) : i])
            after = tokens[i + 1 : i + 3]
            who = _set("wie mensen iemand sommigen men buurman buurvrouw opa oma vader moeder collega")
            if t == "hoor" and not _hearing(tokens, i):
                continue  # the particle: "Ja hoor", "knap hoor", "we weten waar hij woont hoor"
            if before & who or t in ("hoor", "hoorde") or (t in ("noem", "noemen") and "geen" in after):
                out.append(Hit("citaat", "andermans woorden", (t,)))
                break
    return out


def analyse(text: str, tokens_of_text: list[str] | None = None) -> list[Hit]:
    """Structural hits of a message, with context hits (citaat, vraag) for guarded sentences."""
    out: list[Hit] = []
    whole = tokenize(text) if tokens_of_text is None else tokens_of_text
    wset = set(whole)
    if wset.isdisjoint(TRIGGERS) and not any(len(t) > 7 and t.endswith(INSULT_SUFFIXES) for t in whole):
        return out
    condemn = not wset.isdisjoint(CONDEMN)
    sentences = _SENTENCE.split(text)
    for raw in sentences:
        if not raw or not raw.strip():
            continue
        tokens = whole if len(sentences) == 1 else tokenize(raw)
        if not tokens:
            continue
        tset = set(tokens)
        context = _context_hits(raw, tokens, tset)
        out.extend(context)
        if tset.isdisjoint(TRIGGERS) and not any(len(t) > 7 and t.endswith(INSULT_SUFFIXES) for t in tokens):
            continue
        hits = _sentence_hits(raw, tokens)
        if not hits:
            continue
        hostile_kinds = [
            h for h in hits if h.kind in ("dreiging", "veralgemenisering", "ontmenselijking", "aanspreking")
        ]
        if hostile_kinds:
            quoted = _QUOTED.search(raw) is not None or any(
                h.kind == "citaat" or h.rule == "bewering afgewezen" for h in context
            )
            reported = bool(tset & REPORT)
            if (
                quoted
                or (reported and condemn)
                or (
                    reported
                    and bool(tset & _set("bedreigd bedreiging bedreigingen dreigbrief dreigbrieven aangifte"))
                )
            ):
                out.append(
                    Hit(
                        "citaat",
                        "geciteerd of gemeld",
                        tuple(sorted(tset & REPORT))[:3] or ("aanhalingstekens",),
                    )
                )
                out.extend(
                    h
                    for h in hits
                    if h.kind not in ("dreiging", "veralgemenisering", "ontmenselijking", "aanspreking")
                )
                continue
            if (
                raw.rstrip().endswith("?")
                and (tset & QUESTION_ASK)
                and not any(
                    h.rule in ("doden of ophangen", "geweld tegen het lichaam", "brand stichten")
                    for h in hits
                )
            ):
                if tokens[0] in _set(
                    "weet woont klopt is waar kan mag hoe wanneer hebben"
                ) and not _rhetorical(tokens, tset):
                    out.append(Hit("vraag", "informatievraag", (tokens[0],)))
                    continue
        out.extend(hits)
    return out

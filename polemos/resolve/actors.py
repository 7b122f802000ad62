"""Actor and claim-source names, ACLED style, from the words of a mention.

"three servicemen" -> Military Forces of Azerbaijan (MIL); "a separatist ambush" -> Armenian
separatists (REB) once the article has said whose separatists they are; "the ministry" ->
Ministry of Defence of Azerbaijan when the article's last ministry was Azerbaijan's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..detect.lexicon import lexicons
from ..model import ARMED_SECTORS, STATE_SECTORS, Actor, Claim, Toponym
from .geo import Gazetteer, country_of
from .geo.gazetteer import ADMIN1, ADMIN2, CITY

POSSESSIVES = {"its", "their", "our", "his", "her"}


@dataclass
class ArticleContext:
    """What an article has established so far: its focus country and whose actors are whose."""

    focus: str | None = None  # ISO2
    demonym_of: dict[str, str] = field(default_factory=dict)  # "{demonym} separatists" -> "Armenian"
    country_of_template: dict[str, str] = field(default_factory=dict)  # template -> ISO2
    last_claim_country: str | None = None
    claim_names: list[str] = field(default_factory=list)  # sources named so far, full names
    last_ministry: str | None = None  # "Ministry of Defence"
    ministry_of: dict[str, str] = field(default_factory=dict)  # ISO2 -> the ministry the article names


def article_context(doc: Doc, toponyms: list[Toponym]) -> ArticleContext:
    """The focus country (most named in the article) and the actor phrases with a nationality."""
    counts = Counter(t.place.country for t in toponyms if t.place and t.place.country)
    ctx = ArticleContext(focus=counts.most_common(1)[0][0] if counts else None)
    generic = lexicons().actors["generic"]
    ministries = lexicons().actors["ministries"]
    nations: dict[str, set[str]] = {}
    for tok in doc:
        if tok.lower_ == "ministry":
            # "the defence ministry", "the Ministry of Defence"
            named = list(tok.lefts) + [g for c in tok.rights if c.lower_ == "of" for g in c.children]
            kind = next((ministries[c.lower_] for c in named if c.lower_ in ministries), None)
            # "the ministry" before any named one refers to the first named later on.
            ctx.last_ministry = ctx.last_ministry or kind
            cc = next((c for c in (_country(t.text) for t in tok.lefts) if c), None)
            if cc and kind:
                ctx.ministry_of.setdefault(cc, kind)
        entry = generic.get(tok.lower_)
        if not entry:
            continue
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "poss") and child.i < tok.i and not _backer(child):
                cc = _country(child.text)
                if cc:
                    ctx.demonym_of.setdefault(entry[0], child.text)
                    ctx.country_of_template.setdefault(entry[0], cc)
                    nations.setdefault(entry[0], set()).add(cc)
    # "the forces" of an article that names Syrian and Russian forces are nobody's in particular
    for template, named in nations.items():
        if len(named) > 1 and "{country}" in template:
            ctx.country_of_template.pop(template, None)
    return ctx


def _country(word: str) -> str | None:
    if not word or not word[:1].isupper():
        return None
    return country_of(word)


def _country_name(cc: str | None) -> str | None:
    if not cc:
        return None
    place = Gazetteer.load().countries.get(cc)
    name = place.name if place else cc
    return name[4:] if name.startswith("The ") else name


def _of_country(cc: str | None) -> str | None:
    """The country's name as it follows "of": "Military Forces of the United States"."""
    name = _country_name(cc)
    if name and cc in lexicons().actors["countries_with_the"]["codes"]:
        return f"the {name}"
    return name


def phrase(tok: Token) -> Span:
    """The noun phrase of an actor's head word, left modifiers included."""
    left = tok.i
    for t in tok.lefts:
        if t.dep_ in ("det", "amod", "compound", "poss", "nummod", "quantmod", "nmod"):
            left = min(left, t.left_edge.i)
    return tok.doc[left : tok.i + 1]


def _backer(t: Token) -> bool:
    """"US" in "US-backed", "Iran-allied": the sponsor, not the actor's own country."""
    nxt = t.doc[t.i + 1:t.i + 3]
    if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_.endswith(BACKED):
        return True
    # "Russian and Iran-backed government forces": both back them
    return any(c.dep_ == "conj" and c.lower_.endswith(BACKED) for c in t.children)


BACKED = ("backed", "allied", "supported", "led", "sponsored", "funded", "trained")


def _is_town(span: Span) -> bool:
    """Whether the phrase is just a place's name ("Douma", whatever the tagger called it)."""
    name = " ".join(t.text for t in span if t.dep_ != "det")
    return span.root.pos_ == "PROPN" and any(
        main and p.feature in (CITY, ADMIN1, ADMIN2) for p, main in Gazetteer.load().candidates(name))


def _entity(tok: Token) -> Span:
    """The named entity ``tok`` is part of ("Bashar al-Assad" for "Bashar")."""
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), tok.doc[tok.i:tok.i + 1])


def normalise_actor(tok: Token | None, ctx: ArticleContext, fallback_country: str | None = None,
                    victim: bool = False, here: str | None = None) -> Actor | None:
    """An ACLED-style actor from the head word of its phrase, or None. ``victim``: the phrase
    names who was acted against (a named person there is a civilian); ``here``: the country
    where the event happened, if known (police and "government forces" are that state's)."""
    if tok is None:
        return None
    lex = lexicons().actors
    if tok.dep_ == "compound" and tok.head.i > tok.i and lex["generic"].get(tok.lower_, ("", ""))[1] == "GOV" \
            and lex["generic"].get(tok.head.lower_, ("", ""))[1] in ("MIL", "POL"):
        tok = tok.head  # "Government warplanes" act: the warplanes, not the government
    span = phrase(tok)
    text = span.text
    low = text.lower().replace("’", "'")  # "People’s Protection Units"
    # "Fighters of the National Liberation Army (ELN)": the group is in the of-phrase
    entry0 = lex["generic"].get(tok.lower_)
    if entry0 and entry0[1] in ARMED_SECTORS:
        of = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"), None)
        group = _named_group(phrase(of).text, text) if of is not None else None
        if group is not None:
            return group
    # Named groups first: "Al Shabaab fighters" is Al Shabaab, not generic fighters.
    group = _named_group(text, text)
    if group is not None:
        return group
    head = tok.lower_
    two = " ".join(t.lower_ for t in span[-2:])
    entry = lex["generic"].get(two) or lex["generic"].get(head) or lex["generic"].get(tok.lemma_.lower())
    group = _group_by_people(span, tok, entry, fallback_country or ctx.focus)
    if group is not None:
        return group
    # "separatist fighters" are separatists: a modifier naming a kind of group beats the head.
    for t in span[:-1]:
        mod = lex["generic"].get(t.lower_)
        if mod and ("{demonym}" in mod[0] or (t.head.i == tok.i and (
                entry is None or (entry[1] == "MIL" and mod[1] not in ("MIL", "CVL", "GOV"))))):
            entry = mod  # "a guerrilla column" is guerrillas, "the rebel force" rebels
            if mod[1] == "GOV" and tok.lower_ in lex["military_assets"]["attack_nouns"]:
                entry = ("Military Forces of {country}", "MIL")  # "government air strikes": its military's
    cc = None
    demonym = None
    for t in span:
        if t.i == tok.i and entry:
            continue
        if _backer(t):
            continue  # "US-backed fighters" are not American
        named = _country(t.text)
        c = named or lex["leaders"].get(t.lower_)
        if c:
            cc, demonym = c, (t.text if named else None)
            break
    if entry is None:
        if cc and demonym and tok.lower_ in lex["military_assets"]["nouns"]:
            # "an Iranian weapons depot", "a Turkish convoy": the nation's forces
            return Actor(name=f"Military Forces of {_of_country(cc)}", text=text, country=cc, sector="MIL")
        if tok.ent_type_ == "PERSON":
            leader = next((lex["leaders"][t.lower_] for t in _entity(tok) if t.lower_ in lex["leaders"]), None)
            if leader:  # "Assad gassed his own people": the leader's forces
                return Actor(name=f"Military Forces of {_of_country(leader)}", text=text, country=leader,
                             sector="MIL")
            if victim:  # "Robinson was arrested": ACLED codes a named person as a civilian
                cc = cc or fallback_country or ctx.focus
                return Actor(name=f"Civilians ({_country_name(cc) or 'unknown'})", text=text, country=cc,
                             sector="CVL")
            return None  # a person is no armed group
        if cc and tok.ent_type_ in ("GPE", "NORP"):
            return Actor(name=f"Military Forces of {_of_country(cc)}", text=text, country=cc, sector="MIL")
        if tok.ent_type_ in ("GPE", "LOC", "FAC") or _is_town(span):
            return None  # "the attack on Douma": a town is where, not who
        if tok.ent_type_ in ("ORG", "NORP"):
            return Actor(name=text.strip(), text=text, country=cc or fallback_country or ctx.focus, sector=None)
        return None
    template, sector = entry
    home = lex["home_forces"]
    allied = sector in ARMED_SECTORS and any(a in low for a in home["allied"])
    if allied:
        template, sector = home["allied_name"], "MIL"  # ACLED counts them with the state's side
    own = allied or (sector in STATE_SECTORS and any(t.lower_ in home["own"] for t in span if t.i != tok.i))
    if cc is None and (own or sector in ("POL", "CVL")):
        # "government forces", "police", "civilians": the state's and the people of where it
        # happens (not of the ministry that reported it)
        cc = here or fallback_country or ctx.focus
    if cc is None:
        cc = ctx.country_of_template.get(template)
        demonym = ctx.demonym_of.get(template)
    if cc is None and any(t.lower_ in POSSESSIVES for t in span):
        cc = fallback_country
    if cc is None:
        cc = fallback_country or ctx.focus
    if "{demonym}" in template:
        name = template.format(demonym=demonym) if demonym else f"{template.split('}')[1].strip().capitalize()} ({_country_name(cc) or 'unknown'})"
    else:
        country = (_of_country(cc) if "of {country}" in template else _country_name(cc)) or "unknown"
        name = template.format(country=country)
    return Actor(name=name, text=text, country=cc, sector=sector)


def _named_group(words: str, text: str) -> Actor | None:
    """The named group (lexicon ``groups``) that ``words`` names, as an actor told as ``text``,
    or None. A key of two letters counts only in capitals ("IS", not "is")."""
    low = f" {words.lower()} ".replace("’", "'")
    for key, (name, cc, sector) in lexicons().actors["groups"].items():
        if f" {key} " in low and (len(key) > 2 or key.upper() in words):
            return Actor(name=name, text=text, country=cc, sector=sector)
    return None


def _group_by_people(span: Span, tok: Token, entry, cc: str | None) -> Actor | None:
    """"Kurdish fighters" in Syria are the SDF, "Kurdish militants" in Turkey the PKK, "the
    coalition" in Iraq the US-led one: the group a people's armed force (or a bare coalition)
    is in that country (lexicon ``groups_by_people``), or None."""
    if cc is None:
        return None
    lex = lexicons().actors
    armed = entry is not None and entry[1] in ARMED_SECTORS
    for t in span:
        by_country = lex["groups_by_people"].get(t.lower_) if not _backer(t) else None
        if not isinstance(by_country, dict) or (not armed if t.i != tok.i else tok.pos_ not in ("NOUN", "PROPN")):
            continue  # "Kurdish villagers" are no armed group, "Kurdish" alone none; "the coalition" is one
        # The group the article itself names most ("the Kurdish militias" of a story about the
        # YPG), else the people's group in the country.
        named = _named_in(span.doc, {k for heads in by_country.values() for k in heads.values()})
        heads = by_country.get(cc) or {}
        key = named or heads.get(tok.lower_) or heads.get("*")
        if key:
            name, country, sector = lex["groups"][key]
            return Actor(name=name, text=span.text, country=country, sector=sector)
    return None


def _named_in(doc: Doc, keys: set[str]) -> str | None:
    """Of the groups ``keys`` (keys of the groups lexicon), the one ``doc`` names most by any
    of its names, or None if it names none."""
    groups = lexicons().actors["groups"]
    names = {groups[k][0]: k for k in keys}
    text = f" {' '.join(t.lower_ for t in doc)} ".replace("’", "'")
    counts = Counter()
    for key, (name, _, _) in groups.items():
        if name in names:
            counts[names[name]] += text.count(f" {key} ")
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] else None


def normalise_claim(span: Span | None, ctx: ArticleContext) -> Claim | None:
    """The claim source's ACLED-style name; updates the article's claim memory."""
    if span is None:
        return None
    lex = lexicons().actors
    words = [t for t in span if t.dep_ != "det"]
    text = span.text
    low = text.lower()
    cc = next((c for c in (_country(t.text) for t in words) if c), None)
    if "ministry" in low or "ministries" in low:
        kind = next((v for k, v in lex["ministries"].items() if k in low.split()), None)
        kind = kind or ctx.last_ministry or "Ministry"
        cc = cc or _own_forces_nation(span) or ctx.last_claim_country or ctx.focus
        ctx.last_ministry = kind
        ctx.last_claim_country = cc or ctx.last_claim_country
        return Claim(name=f"{kind} of {_of_country(cc)}" if cc else kind, text=text)
    head = span.root
    if cc and (head.ent_type_ == "GPE" or country_of(" ".join(t.text for t in words)) == cc) and len(words) <= 2:
        ctx.last_claim_country = cc
        if cc in ctx.ministry_of:
            # "Armenia said ..." where the article names "the Armenian defence ministry" as the
            # side's voice: a careful coder attributes it to that ministry.
            return Claim(name=f"{ctx.ministry_of[cc]} of {_of_country(cc)}", text=text)
        return Claim(name=f"Government of {_of_country(cc)}", text=text)
    if head.ent_type_ == "PERSON":
        # "police spokesman Mohammed Shehu", "army spokesman ...": the force speaks through him
        # ... and "Musa Bello, a police spokesman"
        force = next((t for t in words if lex["generic"].get(t.lower_, ("", ""))[1] in STATE_SECTORS), None)
        head = force or head
    actor = normalise_actor(head, ctx, fallback_country=ctx.last_claim_country)
    if actor is not None and actor.sector in STATE_SECTORS:
        ctx.last_claim_country = actor.country or ctx.last_claim_country
        return Claim(name=actor.name, text=text)
    if cc:
        ctx.last_claim_country = cc
    if head.ent_type_ in ("ORG", "NORP", "GPE") or (head.pos_ == "PROPN" and head.ent_type_ != "PERSON"):
        # "the Syrian Observatory for Human Rights, a Britain-based monitoring group": the name
        words = [t for t in words if t.i < next((c.i for c in span if c.text == ","), span.end)]
    name = "".join(t.text_with_ws for t in words).strip().rstrip(",;:").strip() or text
    name = _named_before(name, ctx)
    return Claim(name=name[:1].upper() + name[1:], text=text)


def _named_before(name: str, ctx: ArticleContext) -> str:
    """The full name of a source the article named before ("the Observatory" after "the Syrian
    Observatory for Human Rights"); ``name`` itself when it is new (then remembered)."""
    words = set(name.lower().split())
    for full in ctx.claim_names:
        if words and words < set(full.lower().split()) and name[:1].isupper():
            return full
    if name not in ctx.claim_names:
        ctx.claim_names.append(name)
    return name


def _own_forces_nation(claim: Span) -> str | None:
    """The one nation whose forces the claim's sentence names ("a Dutch soldier was killed,
    the Ministry of Defence said"): a ministry speaks for its own soldiers. None when the
    sentence names none or several."""
    generic = lexicons().actors["generic"]
    nations = {_country(c.text) for t in claim.sent if t.i not in range(claim.start, claim.end)
               and generic.get(t.lower_, ("", ""))[1] in STATE_SECTORS
               for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i and not _backer(c)}
    nations.discard(None)
    return nations.pop() if len(nations) == 1 else None


CROWD_OF = {"Protests": ("Protesters", "PRO"), "Riots": ("Rioters", "RIO")}


def crowd_actors(event_type: str, a1: Actor | None, a2: Actor | None,
                 country: str | None) -> tuple[Actor | None, Actor | None]:
    """Demonstration events in ACLED's way: the crowd is actor1 ("Protesters (Sudan)",
    "Rioters (India)"), the forces that intervene are actor2."""
    if event_type not in CROWD_OF:
        return a1, a2
    word, sector = CROWD_OF[event_type]
    if a1 is not None and a1.sector in STATE_SECTORS and (a2 is None or a2.sector in ("CVL", "PRO", "RIO", None)):
        a1, a2 = a2, a1  # "police dispersed the marchers": the police intervened
    if a1 is None or a1.sector in ("CVL", "PRO", "RIO", None):
        cc = (a1.country if a1 else None) or country
        a1 = Actor(name=f"{word} ({_country_name(cc) or 'unknown'})", text=a1.text if a1 else None,
                   country=cc, sector=sector)
    return a1, a2


_NOT_HEADS = {"compound", "amod", "poss", "nmod", "det"}
PLACE_PREPOSITIONS = {"in", "into", "across", "near", "inside", "within", "throughout", "around", "to", "from",
                      "of", "at", "towards", "toward", "through", "over", "outside", "along"}


def armed_actors(doc: Doc, ctx: ArticleContext) -> list[tuple[Actor, int]]:
    """The armed actors an article names anywhere, most named first, with how often: the
    sides of its war, for events whose sentence names only one of them."""
    lex = lexicons().actors
    first_words = {key.split()[0] for key in lex["groups"]}
    counts: Counter[str] = Counter()
    seen: dict[str, Actor] = {}
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in _NOT_HEADS:
            continue
        words = {t.lower_ for t in tok.subtree if t.i <= tok.i}
        if tok.lower_ not in lex["generic"] and not words & first_words:
            continue
        if tok.ent_type_ in ("GPE", "LOC") and tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPOSITIONS:
            continue  # "in north-west Syria" is where, not who
        actor = normalise_actor(tok, ctx)
        if actor is None or actor.sector not in ARMED_SECTORS or actor.country is None and "unknown" in (actor.name or ""):
            continue
        counts[actor.name] += 1
        seen.setdefault(actor.name, actor)
    return [(seen[name], n) for name, n in counts.most_common()]


ALLY_NOUNS = {"ally", "allies", "partner", "partners", "proxy", "proxies"}


def allied_pairs(doc: Doc, ctx: ArticleContext) -> set[frozenset[str]]:
    """Pairs of actor names the article puts on one side: "Turkish troops and their Free
    Syrian Army allies", "Turkish-backed rebels", "Russian-backed government forces"."""
    pairs: set[frozenset[str]] = set()
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in _NOT_HEADS:
            continue
        if tok.lower_ in ALLY_NOUNS and tok.dep_ == "conj":
            a, b = normalise_actor(tok.head, ctx), normalise_actor(tok, ctx)
            if a is not None and b is not None and a.name != b.name:
                pairs.add(frozenset((a.name, b.name)))
        backers = [t for t in phrase(tok) if _backer(t)]
        if backers and (me := normalise_actor(tok, ctx)) is not None:
            for t in backers:
                cc = _country(t.text)
                if cc:
                    pairs.add(frozenset((me.name, f"Military Forces of {_of_country(cc)}")))
    return pairs


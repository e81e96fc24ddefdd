"""Small closed-class word lists and light morphology for both languages.

Open-class resources (dictionaries, names, idioms) are loaded lazily elsewhere; what is here
is small, fixed and needed by several checks: what counts as a content word, and a crude
English lemma for grouping phrases (not for display).
"""

from __future__ import annotations

from functools import lru_cache

from .normalize import ar_stem_light, normalize_ar

EN_STOPWORDS = frozenset(
    """a an the and or but nor so yet for of to in on at by with from into onto upon about as than
    that this these those there here it its it's he him his she her hers they them their theirs we us
    our ours you your yours i me my mine who whom whose which what when where why how whether if
    is are was were be been being am do does did done have has had having will would shall should
    can could may might must 's also too very just only even still then such both each every all any
    some no not n't more most other another same own up down out over under again further once
    said says say told wrote according while after before during since until because though although
    one ones s t mr mrs ms""".split()
)

AR_STOPWORDS = frozenset(
    normalize_ar(w)
    for w in """في من إلى الى على عن مع و ف ب ل ك أن أنّ إن إنّ ان أو أم ثم لكن لكنّ بل قد لقد كان كانت
    كانوا يكون تكون هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذان اللتان ما ماذا متى أين كيف هل لا لم لن
    ليس ليست كل بعض أي أيّ غير سوى حتى إذا إذ عند عندما بعد قبل خلال منذ حيث كما أيضا أيضًا أيضاً فقد
    وقد وقال قال قالت وقالت وأضاف أضاف هو هي هم هما نحن أنا أنت أنتم له لها لهم به بها بهم فيه فيها
    عليه عليها منه منها إليه إليها بين نحو ذات لدى لدي تم يتم وهو وهي وكان وكانت التى الى""".split()
)


# memoised, like the other word-level tests here: every check asks them of the same words
@lru_cache(maxsize=1 << 16)
def is_en_content(norm: str) -> bool:
    return norm not in EN_STOPWORDS and any(ch.isalpha() for ch in norm) and len(norm) > 1


@lru_cache(maxsize=1 << 16)
def is_ar_content(norm: str) -> bool:
    w = normalize_ar(norm)
    return w not in AR_STOPWORDS and ar_stem_light(w) not in AR_STOPWORDS and len(w) > 1 and not w.isdigit()


_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "people", "went": "go",
              "gave": "give", "given": "give", "took": "take", "taken": "take", "met": "meet",
              "held": "hold", "sent": "send", "made": "make", "flew": "fly", "thought": "think",
              "left": "leave", "said": "say", "told": "tell", "wrote": "write", "written": "write",
              "stood": "stand", "dug": "dig", "bit": "bite", "bitten": "bite", "threw": "throw", "thrown": "throw",
              "stole": "steal", "stolen": "steal", "shot": "shoot", "ate": "eat", "eaten": "eat", "fell": "fall",
              "fallen": "fall", "broke": "break", "broken": "break", "caught": "catch", "came": "come", "ran": "run",
              "kept": "keep", "stuck": "stick", "lost": "lose", "won": "win", "blew": "blow", "blown": "blow",
              "hung": "hang", "paid": "pay", "led": "lead", "brought": "bring", "drew": "draw", "drawn": "draw",
              "struck": "strike", "rose": "rise", "risen": "rise", "began": "begin", "begun": "begin", "saw": "see",
              "seen": "see", "got": "get", "gotten": "get", "sold": "sell", "bought": "buy", "fought": "fight",
              "spent": "spend", "sank": "sink", "sunk": "sink", "froze": "freeze", "frozen": "freeze", "drove": "drive",
              "driven": "drive", "chose": "choose", "chosen": "choose", "felt": "feel", "found": "find", "heard": "hear",
              "knew": "know", "known": "know", "grew": "grow", "grown": "grow", "shook": "shake", "shaken": "shake",
              "spoke": "speak", "spoken": "speak", "swept": "sweep", "wore": "wear", "worn": "wear", "tore": "tear",
              "torn": "tear", "did": "do", "done": "do", "was": "be", "were": "be", "been": "be"}


@lru_cache(maxsize=1 << 16)
def en_lemma(norm: str) -> str:
    """Crude English lemma for grouping (gifts → gift, marked → mark, leaders → leader)."""
    w = norm.lower().replace("’", "'")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        stem = w[:-3]
        return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
    if len(w) > 4 and w.endswith("ed"):
        stem = w[:-2]
        if stem.endswith("i"):
            return stem[:-1] + "y"
        return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls" else stem
    return w


def ar_key(word: str) -> str:
    """Grouping key for an Arabic word: normalised light stem."""
    return ar_stem_light(word)


@lru_cache(maxsize=1 << 14)
def en_pos(word: str) -> frozenset[str]:
    """The parts of speech lemminflect allows the English word ("used" → ADJ, VERB): a reading
    the context must choose from, not a tag."""
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word))

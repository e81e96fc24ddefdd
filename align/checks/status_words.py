"""Status words attached to a title: «السابق» (former), «الراحل» (late), «المقبل» (incoming)…

"U.S. President Donald Trump" rendered «الرئيس الأميركي السابق دونالد ترامب» turns a sitting
president into a former one: a false factual claim, not a style slip. The check pairs the
Arabic status word after a title noun with its English equivalents, in both directions."""

from __future__ import annotations

from ..normalize import normalize_ar
from ..records import Flag
from .base import Check, PairContext

# Arabic status word (normalised) -> (English equivalents, gloss, severity when unsupported)
STATUS = {
    "السابق": ({"former", "ex", "previous", "past", "erstwhile", "then", "outgoing"}, "former", "critical"),
    "السابقه": ({"former", "ex", "previous", "past", "erstwhile", "then", "outgoing"}, "former", "critical"),
    "الاسبق": ({"former", "ex", "previous"}, "former (earlier)", "critical"),
    "الراحل": ({"late", "deceased", "dead", "died"}, "late (deceased)", "critical"),
    "الراحله": ({"late", "deceased", "dead", "died"}, "late (deceased)", "critical"),
    "المخلوع": ({"ousted", "deposed", "toppled", "overthrown"}, "ousted", "critical"),
    "المقبل": ({"incoming", "next", "future", "elect", "designate"}, "incoming", "major"),
    "المنتخب": ({"elect", "elected"}, "elect", "major"),
    "المكلف": ({"designate", "acting", "caretaker", "interim"}, "designate/acting", "major"),
    "المؤقت": ({"interim", "acting", "caretaker", "provisional", "temporary"}, "interim", "major"),
    "بالانابه": ({"acting", "interim"}, "acting", "major"),
    "المنتهيه": ({"outgoing"}, "outgoing", "major"),
}
STATUS = {normalize_ar(k): v for k, v in STATUS.items()}
EN_STATUS = {"former": "السابق", "ex": "السابق", "late": "الراحل", "ousted": "المخلوع", "incoming": "المقبل",
             "acting": "بالإنابة", "interim": "المؤقت", "outgoing": "المنتهية ولايته"}
TITLES = {normalize_ar(w) for w in """الرئيس رئيس رئيسة الرئيسة وزير الوزير وزيرة الوزيرة زعيم الزعيم
    مستشار المستشار ملك الملك الأمير أمير سفير السفير المتحدث متحدث مدير المدير قائد القائد نائب
    حاكم الحاكم رئيس_الوزراء المرشد الأمين أمين المبعوث مبعوث البابا المدرب مدرب العمدة عمدة
    الجنرال المفوض القاضي""".split()}
EN_TITLES = {"president", "minister", "leader", "prime", "premier", "king", "queen", "prince", "ambassador",
             "spokesman", "spokeswoman", "spokesperson", "director", "chief", "commander", "governor",
             "secretary", "adviser", "advisor", "envoy", "pope", "coach", "mayor", "general", "chancellor",
             "chairman", "ceo", "senator", "judge", "head", "manager", "emir"}


class StatusWords(Check):
    name = "status-words"

    def run(self, ctx: PairContext) -> list[Flag]:
        en_words = {t.norm for t in ctx.en_tokens}
        out = []
        toks = ctx.ar_tokens
        ar_norms = {normalize_ar(t.text) for t in toks}
        for i, t in enumerate(toks):
            key = normalize_ar(t.text)
            if key.startswith("و") and key[1:] in STATUS:
                key = key[1:]
            if key not in STATUS:
                continue
            window = {normalize_ar(x.text) for x in toks[max(0, i - 3) : i]}
            if not window & TITLES:
                continue  # «العام السابق», «في وقت سابق»: not a person's status
            equivalents, gloss, severity = STATUS[key]
            if en_words & equivalents:
                continue
            out.append(self.flag(
                "mistranslation", severity,
                f"«{t.text}» ({gloss}) has no counterpart in the English: it changes the person's status",
                ar=(t.start, t.end), suggestion=None))
        # the other direction: an English status word the Arabic lost
        for j, t in enumerate(ctx.en_tokens):
            if t.norm not in EN_STATUS:
                continue
            nxt = {x.norm for x in ctx.en_tokens[j + 1 : j + 4]}
            if not nxt & EN_TITLES:
                continue
            wanted = [k for k, (eq, _, _) in STATUS.items() if t.norm in eq]
            if any(w in ar_norms or ("و" + w) in ar_norms for w in wanted):
                continue
            out.append(self.flag("omission", "major",
                                 f"'{t.text}' is not rendered: the Arabic presents the person's status differently",
                                 en=(t.start, t.end), suggestion=EN_STATUS[t.norm]))
        return out

"""Writes the reference verdicts of llm-bench's crafted GSM8K and MMLU answer sets by running lm-evaluation-harness's
own filter and metric code (RegexFilter, WhitespaceFilter, TakeFirstFilter, exact_match_hf_evaluate) with the
settings its gsm8k.yaml and mmlu/generative/_default_template_yaml give, plus each task's `until` cut as its HF model
applies it. Usage: python3 lm_eval_verdicts.py LM_EVAL_CHECKOUT IN.json OUT_DIR (a checkout of
EleutherAI/lm-evaluation-harness; unrelated metric imports are stubbed so only the filters and exact_match load).
The answers are llm-bench's (src/test/resources/agreement/answers.json); the verdicts go to gsm8k.jsonl and mmlu.jsonl
beside it, where AgreementTest reads them."""
import json
import sys
import types

sys.path.insert(0, sys.argv[1])
pkg = types.ModuleType("lm_eval")
pkg.__path__ = [sys.argv[1] + "/lm_eval"]
sys.modules["lm_eval"] = pkg
for name in ["sacrebleu", "evaluate", "sklearn", "sklearn.metrics"]:
    sys.modules.setdefault(name, types.ModuleType(name))
from lm_eval.api.metrics import exact_match_hf_evaluate  # noqa: E402
from lm_eval.filters.extraction import RegexFilter, WhitespaceFilter  # noqa: E402
from lm_eval.filters.selection import TakeFirstFilter  # noqa: E402


def cut(text, until):
    for term in until:
        text = text.split(term)[0]
    return text


def run(filters, response):
    resps = [[response]]
    for f in filters:
        resps = list(f.apply(resps, [None]))
    return resps[0]


GSM8K_IGNORE = [",", "\\$", "(?s).*#### ", "\\.$"]
STRICT = [RegexFilter(regex_pattern=r"#### (\-?[0-9\.\,]+)"), TakeFirstFilter()]
FLEXIBLE = [RegexFilter(regex_pattern=r"(-?[$0-9.,]{2,})|(-?[0-9]+)", group_select=-1), TakeFirstFilter()]
GET_RESPONSE = [RegexFilter(regex_pattern=r"^(.*?)(?=\n|$)"), WhitespaceFilter(), RegexFilter(regex_pattern=r"^(.*?)\s*$"),
                TakeFirstFilter()]

answers = json.load(open(sys.argv[2]))
with open(sys.argv[3] + "/gsm8k.jsonl", "w") as out:
    for case in answers["gsm8k"]:
        response = cut(case["answer"], ["Question:", "</s>", "<|im_end|>"])
        row = dict(case)
        for name, filters in [("strict-match", STRICT), ("flexible-extract", FLEXIBLE)]:
            read = run(filters, response)
            em = exact_match_hf_evaluate([read], [case["target"]], regexes_to_ignore=GSM8K_IGNORE, ignore_case=True,
                                         ignore_punctuation=False)["exact_match"]
            row[name] = {"read": read, "right": bool(em == 1.0)}
        out.write(json.dumps(row) + "\n")
with open(sys.argv[3] + "/mmlu.jsonl", "w") as out:
    for case in answers["mmlu"]:
        response = cut(case["answer"], ["</s>", "\n"])
        read = run(GET_RESPONSE, response)
        em = exact_match_hf_evaluate([read], [case["letter"]], ignore_case=True, ignore_punctuation=True)["exact_match"]
        row = dict(case)
        row["generative"] = {"read": read, "right": bool(em == 1.0)}
        out.write(json.dumps(row) + "\n")

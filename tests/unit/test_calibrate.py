import numpy as np

from align.calibrate import FidelityModel, features, fit
from align.records import Flag


def _flag(sev: str, cat: str = "mistranslation") -> Flag:
    return Flag("x", cat, sev, 0, 1, None, None, "m")


def test_features_count_flags_and_drop_non_finite():
    f = features([_flag("major"), _flag("minor", "grammar")], {"gloss_chrf": 40.0, "mt_chrf": float("nan")})
    assert f["sev_major"] == 1 and f["sev_minor"] == 1 and f["worst"] == 2 and f["cat_grammar"] == 1
    assert f["ev_gloss_chrf"] == 40.0 and "ev_mt_chrf" not in f


def test_fit_learns_signal_and_round_trips(tmp_path):
    rng = np.random.default_rng(0)
    rows, labels, groups = [], [], []
    for i in range(120):
        err = i % 2 == 0
        rows.append({"sev_major": float(err and rng.random() < 0.8), "ev_noise": float(rng.normal())})
        labels.append(err)
        groups.append(f"a{i // 4}")
    model = fit(rows, labels, groups, max_fpr=0.1)
    assert model.info["cv_auroc"] > 0.8
    assert model.info["cv_false_positive_rate"] <= 0.1 + 1e-9
    assert model.probability({"sev_major": 1.0}) > model.probability({"sev_major": 0.0})
    path = tmp_path / "m.json"
    model.save(path)
    again = FidelityModel.load(path)
    assert again is not None and abs(again.probability({"sev_major": 1.0}) - model.probability({"sev_major": 1.0})) < 1e-12
    assert FidelityModel.load(tmp_path / "missing.json") is None

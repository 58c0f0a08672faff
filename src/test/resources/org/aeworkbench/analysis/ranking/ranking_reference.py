# Reference values for the ranking tests (AurocTest, ThresholdSweepTest), computed once with Debian's
# scikit-learn 1.2.1, scipy and numpy 1.24 (/usr/bin/python3 ranking_reference.py) and pasted into
# the tests; the tests never run python. Scores are rounded to one decimal so that many tie.
import numpy as np
from scipy.stats import rankdata
from sklearn.metrics import (roc_auc_score, average_precision_score, roc_curve, precision_recall_curve,
                             precision_score, recall_score, f1_score, confusion_matrix)

rng = np.random.default_rng(22)
n = 40
y = (rng.random(n) < 0.3).astype(int)
scores = np.round(rng.normal(size=n) + 0.8 * y, 1)
print("scores", ", ".join(repr(float(v)) for v in scores))
print("positive", ", ".join("true" if v else "false" for v in y))
print("ties", n - len(set(scores)))
print("ranks", ", ".join(repr(float(v)) for v in rankdata(scores, method="average")))
print("roc_auc_score", repr(roc_auc_score(y, scores)))
print("average_precision_score", repr(average_precision_score(y, scores)))
fpr, tpr, thr = roc_curve(y, scores, drop_intermediate=False)
print("roc fpr", list(map(float, fpr)))
print("roc tpr", list(map(float, tpr)))
print("roc thresholds (first is max+1 in 1.2)", list(map(float, thr)))
p, r, t = precision_recall_curve(y, scores)
print("pr precision", list(map(float, p)))
print("pr recall", list(map(float, r)))
print("pr thresholds", list(map(float, t)))
f1 = 2 * p[:-1] * r[:-1] / (p[:-1] + r[:-1])
best = int(np.nanargmax(f1))
print("best f1", repr(float(f1[best])), "threshold", repr(float(t[best])))
for thresh in (0.5, 1.2):
    flagged = (scores >= thresh).astype(int)
    tn, fp, fn, tp = confusion_matrix(y, flagged).ravel()
    print("at", thresh, "tp fp fn tn", tp, fp, fn, tn, "precision", repr(precision_score(y, flagged)),
          "recall", repr(recall_score(y, flagged)), "f1", repr(f1_score(y, flagged)), "fpr", repr(fp / (fp + tn)))

# The scikit-learn documentation's example of average_precision_score and roc_auc_score.
y2 = np.array([0, 0, 1, 1]); s2 = np.array([0.1, 0.4, 0.35, 0.8])
print("doc example auroc", repr(roc_auc_score(y2, s2)), "ap", repr(average_precision_score(y2, s2)))
# A tie across classes: the tied group is one threshold.
y3 = np.array([1, 0, 1, 0, 0]); s3 = np.array([0.9, 0.9, 0.5, 0.5, 0.1])
print("tie example auroc", repr(roc_auc_score(y3, s3)), "ap", repr(average_precision_score(y3, s3)))

# Reference values for RetrievalEvaluationTest, computed once with Debian's scikit-learn 1.2.1 and
# numpy 1.24 (/usr/bin/python3 retrieval_reference.py) and pasted into the test; the tests never run
# python. Integer coordinates give exact distances with many ties, which numpy's stable argsort
# breaks by database index, as the rankers do; scores of -rank give scikit-learn that same order.
import numpy as np
from sklearn.metrics import average_precision_score
n, m, d = 30, 5, 3
X = np.array([[(i*7 + j*5 + i*j) % 6 for j in range(d)] for i in range(n)], dtype=np.float64)
yl = np.array([i % 3 for i in range(n)])
Q = np.array([[(r*3 + j*2) % 6 for j in range(d)] for r in range(m)], dtype=np.float64)
ql = np.array([r % 3 for r in range(m)])
D = ((Q[:, None, :] - X[None, :, :])**2).sum(-1)
aps, p5 = [], []
for r in range(m):
    order = np.argsort(D[r], kind='stable')
    rel = (yl[order] == ql[r]).astype(int)
    aps.append(average_precision_score(rel, -np.arange(n)))
    p5.append(rel[:5].mean())
    print("order", r, order.tolist())
print("AP", aps); print("mAP", np.mean(aps), "P@5", np.mean(p5))
# Hamming: 12-bit codes
codes = np.array([(i * 2654435761) % 4096 for i in range(n)], dtype=np.int64)
qcodes = np.array([(r * 40503 + 17) % 4096 for r in range(m)], dtype=np.int64)
H = np.array([[bin(int(a) ^ int(b)).count('1') for b in codes] for a in qcodes])
aps, p5 = [], []
for r in range(m):
    order = np.argsort(H[r], kind='stable')
    rel = (yl[order] == ql[r]).astype(int)
    aps.append(average_precision_score(rel, -np.arange(n)))
    p5.append(rel[:5].mean())
print("hamming order0", np.argsort(H[0], kind='stable').tolist())
print("hamming counts0", np.bincount(H[0], minlength=13).tolist())
print("hamming mAP", np.mean(aps), "P@5", np.mean(p5))

# Reference values for HungarianTest, ClusterAgreementTest and KMeansTest, computed once with
# Debian's scikit-learn 1.2.1, scipy 1.10.1 and numpy 1.24 (/usr/bin/python3 cluster_reference.py)
# and pasted into the tests; the tests never run python.
import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score, adjusted_rand_score

rng = np.random.default_rng(23)
for shape in [(5, 5), (4, 6), (6, 4)]:
    w = rng.integers(0, 20, size=shape)
    r, c = linear_sum_assignment(w, maximize=True)
    print("hungarian", shape, w.tolist(), "best total", int(w[r, c].sum()))

# Labellings: a noisy clustering of 3 classes into 4 clusters, and a 3-into-3 one.
labels = np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2])
clusters_a = np.array([1, 1, 1, 1, 3, 1, 0, 2, 2, 2, 0, 2, 2, 0, 0, 0, 3, 0, 0, 1])
clusters_b = np.array([2, 2, 2, 2, 2, 0, 2, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1])
for name, cl in [("a", clusters_a), ("b", clusters_b)]:
    cont = np.zeros((cl.max() + 1, labels.max() + 1), dtype=int)
    for a, b in zip(cl, labels):
        cont[a, b] += 1
    r, c = linear_sum_assignment(cont, maximize=True)
    print(name, "acc", cont[r, c].sum() / len(labels),
          "nmi", repr(normalized_mutual_info_score(labels, cl)),
          "ari", repr(adjusted_rand_score(labels, cl)))

# Lloyd from fixed centres: three blobs in 2-D, 60 points rounded to 3 decimals.
X = np.round(np.concatenate([rng.normal(size=(20, 2)) * 0.6 + m for m in ([0, 0], [3, 0.5], [1, 3])]), 3).astype(np.float32)
print("X", ", ".join(f"{str(v)}f" for v in X.ravel()))
for rows in ([0, 1, 2], [0, 25, 45]):
    init = X[rows].copy()
    km = KMeans(n_clusters=3, init=init, n_init=1, algorithm="lloyd", tol=1e-4, max_iter=300).fit(X.astype(np.float64))
    print("init rows", rows, "labels", km.labels_.tolist())
    print("inertia", repr(km.inertia_), "iterations", km.n_iter_)
    print("centres", km.cluster_centers_.ravel().tolist())

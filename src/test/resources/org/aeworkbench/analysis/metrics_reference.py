# Reference values for TrustworthinessTest and KnnAccuracyTest, computed once with Debian's
# scikit-learn 1.2.1 and numpy 1.24 (/usr/bin/python3 metrics_reference.py) and pasted into the
# tests; the tests never run python. Data are rounded to 3 decimals so they paste exactly as floats.
import numpy as np
from sklearn.manifold import trustworthiness
from sklearn.neighbors import KNeighborsClassifier
from scipy.spatial.distance import pdist

rng = np.random.default_rng(2001)
X = np.round(rng.normal(size=(14, 4)), 3).astype(np.float32)
# A deliberately imperfect 2-D embedding: a fixed linear map of X plus noise.
E = np.round(X @ np.array([[1.0, 0.2], [0.3, -1.0], [0.8, 0.5], [-0.4, 0.1]]) + 0.6 * rng.normal(size=(14, 2)), 3).astype(np.float32)
assert len(set(np.round(pdist(X.astype(np.float64)), 12))) == 14 * 13 // 2, "ties in original distances"
assert len(set(np.round(pdist(E.astype(np.float64)), 12))) == 14 * 13 // 2, "ties in embedded distances"
print("X", ", ".join(f"{str(v)}f" for v in X.ravel()))
print("E", ", ".join(f"{str(v)}f" for v in E.ravel()))
for k in (1, 3, 5):
    print(f"trustworthiness k={k}", repr(trustworthiness(X.astype(np.float64), E.astype(np.float64), n_neighbors=k)))

# kNN: 3 classes in 2-D, 30 training and 12 test points.
train = np.round(rng.normal(size=(30, 2)) + np.repeat(np.array([[0, 0], [2, 1], [0, 2.5]]), 10, axis=0), 3).astype(np.float32)
train_labels = np.repeat(np.arange(3), 10)
test = np.round(rng.normal(size=(12, 2)) + np.repeat(np.array([[0, 0], [2, 1], [0, 2.5]]), 4, axis=0), 3).astype(np.float32)
test_labels = np.repeat(np.arange(3), 4)
knn = KNeighborsClassifier(n_neighbors=5).fit(train.astype(np.float64), train_labels)
dist, ind = knn.kneighbors(test.astype(np.float64))
votes = [np.bincount(train_labels[i], minlength=3) for i in ind]
assert all(sorted(v)[-1] > sorted(v)[-2] for v in votes), "a vote tie: sklearn and we break ties differently"
print("train", ", ".join(f"{str(v)}f" for v in train.ravel()))
print("test", ", ".join(f"{str(v)}f" for v in test.ravel()))
print("predicted", list(knn.predict(test.astype(np.float64))))
print("accuracy", repr(knn.score(test.astype(np.float64), test_labels)))

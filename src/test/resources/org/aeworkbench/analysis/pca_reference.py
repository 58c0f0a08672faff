# Reference values for PcaTest, computed once with Debian's numpy 1.24 (/usr/bin/python3 pca_reference.py)
# and pasted into the test; the test itself never runs python.
# Method: the thin SVD of the centred data (not the covariance route the Java code uses), so the
# two computations are independent. Components are sign-fixed so each row's largest-|v| entry is positive.
import numpy as np
np.set_printoptions(precision=17, floatmode="unique")

X = np.array([
    [2.5, 0.5, -1.0, 3.0, 1.5],
    [0.5, 0.7, 2.0, -1.0, 0.0],
    [2.2, 2.9, 0.5, 1.5, -2.0],
    [1.9, 2.2, -0.5, 0.0, 1.0],
    [3.1, 3.0, 1.0, 2.5, 0.5],
    [2.3, 2.7, 3.0, -0.5, 1.0],
    [2.0, 1.6, -2.0, 1.0, 2.5],
    [1.0, 1.1, 0.0, 2.0, -1.5],
], dtype=np.float32).astype(np.float64)
k = 3
n, d = X.shape
mean = X.mean(axis=0)
U, S, Vt = np.linalg.svd(X - mean, full_matrices=False)
for i in range(Vt.shape[0]):
    j = np.argmax(np.abs(Vt[i]))
    if Vt[i, j] < 0:
        Vt[i] = -Vt[i]
V = Vt[:k]
ev = S**2 / (n - 1)
print("mean", repr(mean))
print("singular", repr(S[:k]))
print("components", repr(V.ravel()))
print("explained_variance", repr(ev[:k]))
print("ratio", repr(S[:k]**2 / np.sum(S**2)))
new = np.array([1.0, -0.5, 2.0, 0.25, 3.0], dtype=np.float32).astype(np.float64)
z = (new - mean) @ V.T
print("code_of_new", repr(z))
print("whitened_code_of_new", repr(z / np.sqrt(ev[:k])))
print("reconstruction_of_new", repr(z @ V + mean))
print("train_codes_rows_0_1", repr(((X[:2] - mean) @ V.T).ravel()))
print("train_sse_at_k", repr(np.sum((X - ((X - mean) @ V.T @ V + mean))**2)))

# Reference weights for SoftmaxRegressionTest, computed once with Debian's scikit-learn 1.2.1 and
# numpy 1.24 (/usr/bin/python3 probe_reference.py) and pasted into the test; the tests never run
# python. Data are rounded to 3 decimals so they paste exactly as floats. Softmax is unchanged when
# every intercept moves by the same amount and the intercepts are not penalised, so the test
# compares intercepts after subtracting their mean.
import numpy as np
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(7)
means = np.array([[0, 0, 0, 0], [1.5, 0.5, -1, 0], [0, 2, 0.5, 1]])
X = np.round(np.concatenate([rng.normal(size=(20, 4)) + m for m in means]), 3).astype(np.float32)
y = np.repeat(np.arange(3), 20)
print("X", ", ".join(f"{str(v)}f" for v in X.ravel()))
for C in (1.0, 0.05):
    lr = LogisticRegression(C=C, multi_class="multinomial", solver="lbfgs", tol=1e-12, max_iter=100000).fit(X.astype(np.float64), y)
    print("C", C)
    print("coef (d x C)", ", ".join(repr(v) for v in lr.coef_.T.ravel()))
    b = lr.intercept_ - lr.intercept_.mean()
    print("intercept centred", ", ".join(repr(v) for v in b))
    print("train accuracy", lr.score(X, y))

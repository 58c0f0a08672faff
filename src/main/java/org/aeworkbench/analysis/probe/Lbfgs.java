package org.aeworkbench.analysis.probe;

/**
 * Limited-memory BFGS with a line search that meets the strong Wolfe conditions: Nocedal and
 * Wright, Numerical Optimization (2nd ed., 2006), Algorithm 7.4 (the two-loop recursion, with the
 * initial Hessian scaled by s^T y / y^T y, eq. 7.20) and Algorithms 3.5 and 3.6 (bracketing and
 * zoom, with c1 = 1e-4 and c2 = 0.9). Deterministic: no randomness, no threads of its own.
 */
public final class Lbfgs {

    /** The objective: writes the gradient at {@code x} into {@code gradient} and returns the value. */
    @FunctionalInterface
    public interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /**
     * When to stop.
     *
     * @param maxIterations      iterations at most
     * @param gradientTolerance  stop when the largest gradient component is at most this
     * @param relativeDecrease   stop when an iteration lowers the value by less than this share of it
     *                           (the objective's own rounding, in float products, sets this floor)
     * @param memory             pairs (s, y) kept
     */
    public record Settings(int maxIterations, double gradientTolerance, double relativeDecrease, int memory) {

        public static Settings defaults() {
            return new Settings(1000, 1e-5, 1e-10, 10);
        }
    }

    /** Why a minimisation stopped. */
    public enum Stop {
        /** The largest gradient component fell to the tolerance. */
        GRADIENT,
        /** An iteration lowered the value by less than the relative tolerance. */
        RELATIVE_DECREASE,
        /** No step along the search direction lowered the value: the objective's rounding was reached. */
        NO_DECREASE,
        /** The iteration limit came first. */
        ITERATION_LIMIT
    }

    /**
     * @param x           the minimiser found
     * @param value       the objective there
     * @param gradientMax largest gradient component there
     * @param iterations  iterations taken
     * @param stop        why it stopped
     */
    public record Result(double[] x, double value, double gradientMax, int iterations, Stop stop) {

        /** Whether a tolerance or the objective's precision, not the iteration limit, ended the run. */
        public boolean converged() {
            return stop != Stop.ITERATION_LIMIT;
        }
    }

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    private Lbfgs() {
    }

    /** Minimises {@code f} from {@code start} (not modified). */
    public static Result minimise(Objective f, double[] start, Settings settings) {
        int n = start.length;
        int m = settings.memory();
        double[] x = start.clone();
        double[] g = new double[n];
        double value = f.valueAndGradient(x, g);
        // Every line search ends with its last evaluation at the step it returns: keep that value.
        double[] lastValue = new double[1];
        Objective recorded = (p, gradient) -> lastValue[0] = f.valueAndGradient(p, gradient);
        double[][] s = new double[m][n];
        double[][] y = new double[m][n];
        double[] rho = new double[m];
        double[] alpha = new double[m];
        int stored = 0;
        int newest = -1;
        double[] direction = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int iteration = 0;
        while (true) {
            double gMax = maxAbs(g);
            if (gMax <= settings.gradientTolerance()) {
                return new Result(x, value, gMax, iteration, Stop.GRADIENT);
            }
            if (iteration >= settings.maxIterations()) {
                return new Result(x, value, gMax, iteration, Stop.ITERATION_LIMIT);
            }
            iteration++;
            // Two-loop recursion: direction = -H g.
            System.arraycopy(g, 0, direction, 0, n);
            for (int k = 0; k < stored; k++) {
                int i = Math.floorMod(newest - k, m);
                alpha[i] = rho[i] * dot(s[i], direction);
                axpy(-alpha[i], y[i], direction);
            }
            double gamma = stored == 0 ? 1 / Math.max(1e-12, Math.sqrt(dot(g, g))) : dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            scale(gamma, direction);
            for (int k = stored - 1; k >= 0; k--) {
                int i = Math.floorMod(newest - k, m);
                double beta = rho[i] * dot(y[i], direction);
                axpy(alpha[i] - beta, s[i], direction);
            }
            scale(-1, direction);
            double slope = dot(g, direction);
            if (slope >= 0) {
                // Not a descent direction (rounding in a nearly flat region): restart from steepest descent.
                stored = 0;
                for (int j = 0; j < n; j++) {
                    direction[j] = -g[j];
                }
                slope = dot(g, direction);
            }
            double step = lineSearch(recorded, x, value, slope, direction, xNew, gNew);
            if (step == 0) {
                return new Result(x, value, gMax, iteration, Stop.NO_DECREASE);
            }
            double newValue = lastValue[0];
            newest = (newest + 1) % m;
            double sy = 0;
            for (int j = 0; j < n; j++) {
                s[newest][j] = xNew[j] - x[j];
                y[newest][j] = gNew[j] - g[j];
                sy += s[newest][j] * y[newest][j];
            }
            if (sy > 1e-20) {
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, m);
            } else {
                newest = (newest - 1 + m) % m; // curvature pair unusable: drop it
            }
            double decrease = value - newValue;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            value = newValue;
            if (decrease <= settings.relativeDecrease() * Math.max(Math.abs(value), 1e-300)) {
                return new Result(x, value, maxAbs(g), iteration, Stop.RELATIVE_DECREASE);
            }
        }
    }

    /**
     * A step along {@code d} meeting the strong Wolfe conditions; leaves x + step d in {@code xNew}
     * (and its gradient in {@code gNew}), the last point evaluated. Returns 0 when no step lowers the value.
     */
    private static double lineSearch(Objective f, double[] x, double f0, double slope0, double[] d, double[] xNew,
                                     double[] gNew) {
        double previousStep = 0;
        double previousValue = f0;
        double step = 1;
        for (int i = 0; i < 40; i++) {
            double value = evaluate(f, x, d, step, xNew, gNew);
            double slope = dot(gNew, d);
            if (value > f0 + C1 * step * slope0 || (i > 0 && value >= previousValue)) {
                return zoom(f, x, f0, slope0, d, previousStep, previousValue, step, xNew, gNew);
            }
            if (Math.abs(slope) <= -C2 * slope0) {
                return step;
            }
            if (slope >= 0) {
                return zoom(f, x, f0, slope0, d, step, value, previousStep, xNew, gNew);
            }
            previousStep = step;
            previousValue = value;
            step *= 2;
        }
        return previousStep;
    }

    private static double zoom(Objective f, double[] x, double f0, double slope0, double[] d, double lo, double fLo,
                               double hi, double[] xNew, double[] gNew) {
        for (int i = 0; i < 60; i++) {
            double step = (lo + hi) / 2; // bisection: robust, and the function values here are cheap to trust
            double value = evaluate(f, x, d, step, xNew, gNew);
            double slope = dot(gNew, d);
            if (value > f0 + C1 * step * slope0 || value >= fLo) {
                hi = step;
            } else {
                if (Math.abs(slope) <= -C2 * slope0) {
                    return step;
                }
                if (slope * (hi - lo) >= 0) {
                    hi = lo;
                }
                lo = step;
                fLo = value;
            }
        }
        if (lo == 0) {
            evaluate(f, x, d, 0, xNew, gNew);
            return 0;
        }
        evaluate(f, x, d, lo, xNew, gNew);
        return lo;
    }

    private static double evaluate(Objective f, double[] x, double[] d, double step, double[] xNew, double[] gNew) {
        for (int j = 0; j < x.length; j++) {
            xNew[j] = x[j] + step * d[j];
        }
        return f.valueAndGradient(xNew, gNew);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}

package id.berkasdesa.common.ui;

import java.util.Optional;

/** The zoom levels a page viewer steps through with + and − (the village's documents, the district's scans). */
public final class ZoomSteps {

    private static final double[] LEVELS = {0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0};

    private ZoomSteps() {
    }

    /** The next level above {@code now}; empty at the largest. */
    public static Optional<Double> larger(double now) {
        for (double z : LEVELS) {
            if (z > now + 0.01) {
                return Optional.of(z);
            }
        }
        return Optional.empty();
    }

    /** The next level below {@code now}; empty at the smallest. */
    public static Optional<Double> smaller(double now) {
        for (int i = LEVELS.length - 1; i >= 0; i--) {
            if (LEVELS[i] < now - 0.01) {
                return Optional.of(LEVELS[i]);
            }
        }
        return Optional.empty();
    }
}

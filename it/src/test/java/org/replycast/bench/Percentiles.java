package org.replycast.bench;

/** Percentiles of measured values by nearest rank: the value that the given fraction of values does not exceed. */
final class Percentiles {

    private Percentiles() {}

    /** @param sorted the values in ascending order; NaN when there are none */
    static double of(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[rank(sorted.length, fraction)];
    }

    /** @param sorted the values in ascending order; NaN when there are none */
    static double of(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[rank(sorted.length, fraction)];
    }

    private static int rank(int count, double fraction) {
        int rank = (int) Math.ceil(fraction * count);
        return Math.max(0, Math.min(count - 1, rank - 1));
    }
}

package io.jenkins.plugins.icr.bench;

import java.util.Arrays;

/** Order statistics of a sample of durations in nanoseconds. */
record Stats(long[] sorted) {
    static Stats of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Stats(copy);
    }

    double median() {
        return percentile(50);
    }

    double p90() {
        return percentile(90);
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    private double percentile(int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String ms(double nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }

    static String us(double nanos) {
        return String.format("%.1f µs", nanos / 1e3);
    }
}

package org.replycast.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value of each metric in every round, in the order the metrics were first recorded, summarized as the
 * median with the range over the rounds, as a markdown table.
 */
final class RoundResults {

    /** A metric: what was measured, its unit, and how many decimals to show. */
    record Metric(String name, String unit, int decimals) {}

    private final Map<Metric, List<Double>> values = new LinkedHashMap<>();

    void record(Metric metric, double value) {
        values.computeIfAbsent(metric, m -> new ArrayList<>()).add(value);
    }

    double median(Metric metric) {
        List<Double> sorted = new ArrayList<>(values.getOrDefault(metric, List.of()));
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The table: metric, unit, median, min–max, and every round's value. */
    String table() {
        StringBuilder table =
                new StringBuilder("| measurement | unit | median | min–max | rounds |\n|---|---|---:|---|---|\n");
        values.forEach((metric, rounds) -> table.append("| ")
                .append(metric.name())
                .append(" | ")
                .append(metric.unit())
                .append(" | **")
                .append(format(median(metric), metric.decimals()))
                .append("** | ")
                .append(format(rounds.stream().mapToDouble(d -> d).min().orElse(Double.NaN), metric.decimals()))
                .append("–")
                .append(format(rounds.stream().mapToDouble(d -> d).max().orElse(Double.NaN), metric.decimals()))
                .append(" | ")
                .append(String.join(
                        " · ",
                        rounds.stream().map(v -> format(v, metric.decimals())).toList()))
                .append(" |\n"));
        return table.toString();
    }

    static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}

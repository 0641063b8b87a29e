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

    /** The value of the latest round; NaN when there is none. */
    double last(Metric metric) {
        List<Double> rounds = values.getOrDefault(metric, List.of());
        return rounds.isEmpty() ? Double.NaN : rounds.get(rounds.size() - 1);
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

    /** The median with the range over the rounds, as {@code 12.3 (10.1–15.0)}; a dash when never recorded. */
    String summary(Metric metric) {
        List<Double> rounds = values.getOrDefault(metric, List.of());
        if (rounds.isEmpty()) {
            return "–";
        }
        if (rounds.size() == 1) {
            return format(rounds.get(0), metric.decimals());
        }
        return format(median(metric), metric.decimals()) + " ("
                + format(rounds.stream().mapToDouble(d -> d).min().getAsDouble(), metric.decimals()) + "–"
                + format(rounds.stream().mapToDouble(d -> d).max().getAsDouble(), metric.decimals()) + ")";
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

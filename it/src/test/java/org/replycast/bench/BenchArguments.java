package org.replycast.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A benchmark's command line: {@code --name value} pairs, each with a declared default, and {@code -h} or
 * {@code --help} for the usage. A mistake ends the program with the mistake and the usage (exit code 2), so
 * that a person sees what to type instead.
 */
final class BenchArguments {

    private final String usage;
    private final Map<String, String> values;

    private BenchArguments(String usage, Map<String, String> values) {
        this.usage = usage;
        this.values = values;
    }

    /** @param defaults every option's name (without the dashes) followed by its default value */
    static BenchArguments parse(String[] args, String usage, String... defaults) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < defaults.length; i += 2) {
            map.put(defaults[i], defaults[i + 1]);
        }
        return parse(args, usage, map);
    }

    /**
     * @param defaults every option's name (without the dashes) and its default value; options not named here
     *     are refused
     */
    static BenchArguments parse(String[] args, String usage, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.print(usage);
                System.exit(0);
            }
            String name = arg.startsWith("--") ? arg.substring(2) : "";
            if (!values.containsKey(name)) {
                refuse("Unknown option " + arg + ".", usage);
            }
            if (i + 1 == args.length) {
                refuse("Option " + arg + " needs a value.", usage);
            }
            values.put(name, args[++i]);
        }
        return new BenchArguments(usage, values);
    }

    String text(String name) {
        return values.get(name);
    }

    Path path(String name) {
        return Path.of(text(name));
    }

    int integer(String name) {
        return (int) number(name);
    }

    long number(String name) {
        try {
            long value = Long.parseLong(text(name).strip());
            if (value < 0) {
                refuse("Option --" + name + " cannot be negative.", usage);
            }
            return value;
        } catch (NumberFormatException e) {
            refuse("Option --" + name + " needs a whole number, not " + text(name) + ".", usage);
            return 0;
        }
    }

    Duration seconds(String name) {
        return Duration.ofSeconds(number(name));
    }

    List<Integer> integers(String name) {
        try {
            List<Integer> list = Arrays.stream(text(name).split(","))
                    .map(String::strip)
                    .map(Integer::valueOf)
                    .toList();
            if (list.isEmpty() || list.stream().anyMatch(n -> n < 1)) {
                refuse("Option --" + name + " needs positive numbers separated by commas.", usage);
            }
            return list;
        } catch (NumberFormatException e) {
            refuse("Option --" + name + " needs numbers separated by commas, not " + text(name) + ".", usage);
            return List.of();
        }
    }

    /**
     * The options every live benchmark takes about the running Replycast it measures, at their defaults
     * (those of {@code ./replycast run}); a benchmark adds its own to the map.
     */
    static Map<String, String> liveServerDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("http-port", "8080");
        defaults.put("keycloak-port", "8180");
        defaults.put("server-pid", "0");
        defaults.put("data-dir", "data");
        defaults.put("channel", "demo");
        return defaults;
    }

    /**
     * Points the test fixtures at the server the options name, runs the benchmark, prints its report and
     * ends the program: 0, or 1 with the reason when it failed (the HTTP clients' threads would keep it up).
     */
    void runAndExit(Function<BenchArguments, String> benchmark) {
        System.setProperty("replycast.it.http.port", text("http-port"));
        System.setProperty("replycast.it.keycloak.port", text("keycloak-port"));
        try {
            System.out.print(benchmark.apply(this));
        } catch (RuntimeException e) {
            System.err.println("\nBenchmark failed: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private static void refuse(String mistake, String usage) {
        System.err.println(mistake + "\n\n" + usage);
        System.exit(2);
    }
}

package io.fargatereconciler.cli;

import io.fargatereconciler.desired.LoadSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code validate} command line, read into what to do: run, show help, or say what is wrong with it. */
sealed interface ValidateArguments {
    String USAGE = """
            Usage: validate [--output text|json] [--allowed-clusters NAME,...] [--max-file-bytes N] FOLDER

            Checks a desired-state folder as the daemon would load it and prints every error as
            file:line:column field.path: message. Exit status: 0 valid, 1 invalid, 2 usage error.

              --output text|json       human-readable lines (default) or one JSON object
              --allowed-clusters LIST  clusters resources may name, comma-separated (default: any);
                                       use the daemon's reconciler.desired-state.allowed-clusters
              --max-file-bytes N       refuse larger files (default %d, as the daemon)
            """.formatted(LoadSettings.DEFAULT_MAX_FILE_BYTES);

    record Run(Path folder, boolean json, LoadSettings settings) implements ValidateArguments {
    }

    record Help() implements ValidateArguments {
    }

    record Wrong(String problem) implements ValidateArguments {
    }

    static ValidateArguments parse(List<String> args) {
        Path folder = null;
        boolean json = false;
        int maxFileBytes = LoadSettings.DEFAULT_MAX_FILE_BYTES;
        Set<String> allowedClusters = Set.of();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean takesValue = option.equals("--output") || option.equals("--allowed-clusters")
                    || option.equals("--max-file-bytes");
            String value = null;
            if (takesValue) {
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    return new Wrong(option + " needs a value");
                }
            }
            switch (option) {
                case "-h", "--help" -> {
                    return new Help();
                }
                case "--output" -> {
                    if (!value.equals("text") && !value.equals("json")) {
                        return new Wrong("--output must be text or json, not " + value);
                    }
                    json = value.equals("json");
                }
                case "--allowed-clusters" -> allowedClusters = Arrays.stream(value.split(","))
                        .map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
                case "--max-file-bytes" -> {
                    try {
                        maxFileBytes = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        maxFileBytes = 0;
                    }
                    if (maxFileBytes < 1 || maxFileBytes == Integer.MAX_VALUE) {
                        return new Wrong("--max-file-bytes must be a positive whole number of bytes, not " + value);
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        return new Wrong("unknown option " + arg);
                    }
                    if (folder != null) {
                        return new Wrong("give one folder, not " + folder + " and " + arg);
                    }
                    folder = Path.of(arg);
                }
            }
        }
        if (folder == null) {
            return new Wrong("name the desired-state folder to check, e.g. validate desired-state/");
        }
        return new Run(folder, json, new LoadSettings(maxFileBytes, allowedClusters));
    }
}

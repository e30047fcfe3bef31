package io.fargatereconciler.cli;

import io.fargatereconciler.aws.AccountInventory;
import io.fargatereconciler.aws.AwsEndpoint;
import io.fargatereconciler.desired.LoadSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code validate} command line, read into what to do: run, show help, or say what is wrong with it. */
sealed interface ValidateArguments {
    String USAGE = """
            Usage: validate [--output text|json] [--allowed-clusters NAME,...] [--max-file-bytes N]
                            [--against-aws [--endpoint-url URL] [--region REGION]] FOLDER

            Checks a desired-state folder as the daemon would load it and prints every error as
            file:line:column field.path: message. Exit status: 0 valid, 1 invalid, 2 usage error.

              --output text|json       human-readable lines (default) or one JSON object
              --allowed-clusters LIST  clusters resources may name, comma-separated (default: any);
                                       use the daemon's reconciler.desired-state.allowed-clusters
              --max-file-bytes N       refuse larger files (default %d, as the daemon)
              --against-aws            also check, read-only, that every cluster, task definition revision,
                                       subnet, security group, topic and role named exists in the account (and
                                       that task definitions pass only roles their team allows); needs
                                       %s
              --endpoint-url URL       with --against-aws: the endpoint of every service (the simulator, say)
              --region REGION          with --against-aws: the region (default: the SDK's region chain)
            """.formatted(LoadSettings.DEFAULT_MAX_FILE_BYTES, String.join(", ", AccountInventory.ACTIONS));

    /** {@code againstAws}: also check the account, where this endpoint says; empty: offline only. */
    record Run(Path folder, boolean json, LoadSettings settings, Optional<AwsEndpoint> againstAws)
            implements ValidateArguments {
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
        boolean againstAws = false;
        URI endpoint = null;
        String region = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean takesValue = option.equals("--output") || option.equals("--allowed-clusters")
                    || option.equals("--max-file-bytes") || option.equals("--endpoint-url") || option.equals("--region");
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
                case "--against-aws" -> againstAws = true;
                case "--endpoint-url" -> {
                    endpoint = EndpointUrl.parse(value).orElse(null);
                    if (endpoint == null) {
                        return new Wrong("--endpoint-url must be a URL such as http://localhost:4566, not " + value);
                    }
                }
                case "--region" -> {
                    if (value.isBlank()) {
                        return new Wrong("--region needs a value");
                    }
                    region = value;
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
        if (!againstAws && (endpoint != null || region != null)) {
            return new Wrong("--endpoint-url and --region go with --against-aws");
        }
        return new Run(folder, json, new LoadSettings(maxFileBytes, allowedClusters),
                againstAws ? Optional.of(new AwsEndpoint(region, endpoint)) : Optional.empty());
    }
}

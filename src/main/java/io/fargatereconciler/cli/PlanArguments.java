package io.fargatereconciler.cli;

import io.fargatereconciler.aws.AwsEndpoint;
import io.fargatereconciler.plan.Ownership;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The {@code plan} command line, read into what to do: plan, show help, or say what is wrong with it. */
sealed interface PlanArguments {
    String USAGE = """
            Usage: plan [--endpoint-url URL] [--region REGION] [--owner-id ID] FOLDER

            One read-only pass: loads and validates FOLDER, observes every cluster it names (ListTasks and
            DescribeTasks only) and prints what the daemon would do per group, starting from a fresh memory.
            The ECS endpoint, region and credentials come from the standard AWS SDK settings (AWS_REGION,
            AWS_PROFILE, AWS_ENDPOINT_URL_ECS...) unless given here.
            Exit status: 0 nothing to do, 2 changes pending (something to launch or stop), 3 nothing to launch or
            stop now but a group is held short of its copies (a "= wait" line says why), 1 invalid desired state or
            ECS error, 2 usage error.

              --endpoint-url URL   the ECS endpoint, e.g. a VPC endpoint or the simulator
              --region REGION      the region (default: the SDK's region chain)
              --owner-id ID        the daemon's reconciler.owner-id, the startedBy of its tasks (default %s)
            """.formatted(Ownership.DEFAULT_OWNER_ID);

    record Run(Path folder, AwsEndpoint endpoint, String ownerId) implements PlanArguments {
    }

    record Help() implements PlanArguments {
    }

    record Wrong(String problem) implements PlanArguments {
    }

    static PlanArguments parse(List<String> args) {
        Path folder = null;
        URI endpoint = null;
        String region = null;
        String ownerId = Ownership.DEFAULT_OWNER_ID;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                return new Help();
            }
            if (!arg.startsWith("-")) {
                if (folder != null) {
                    return new Wrong("give one folder, not " + folder + " and " + arg);
                }
                folder = Path.of(arg);
                continue;
            }
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                return new Wrong(option + " needs a value");
            }
            if (value.isBlank()) {
                return new Wrong(option + " needs a value");
            }
            switch (option) {
                case "--endpoint-url" -> {
                    try {
                        endpoint = new URI(value);
                    } catch (URISyntaxException e) {
                        endpoint = null;
                    }
                    if (endpoint == null || endpoint.getScheme() == null || endpoint.getHost() == null) {
                        return new Wrong("--endpoint-url must be a URL such as https://ecs.eu-west-1.amazonaws.com, not " + value);
                    }
                }
                case "--region" -> region = value;
                case "--owner-id" -> {
                    if (value.length() > 128) {
                        return new Wrong("--owner-id must be at most 128 characters (the ECS startedBy limit)");
                    }
                    ownerId = value;
                }
                default -> {
                    return new Wrong("unknown option " + arg);
                }
            }
        }
        if (folder == null) {
            return new Wrong("name the desired-state folder, e.g. plan desired-state/");
        }
        return new Run(folder, new AwsEndpoint(region, endpoint), ownerId);
    }
}

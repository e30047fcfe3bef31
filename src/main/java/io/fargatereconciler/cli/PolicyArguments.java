package io.fargatereconciler.cli;

import io.fargatereconciler.desired.S3Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code policy} command line, read into what to do: print a policy, show help, or say what is wrong with it. */
sealed interface PolicyArguments {
    String USAGE = """
            Usage: policy [--account ID] [--region REGION] [--pass-role ARN]... [--topic ARN]...
                          [--events QUEUE_ARN] [--state-table TABLE_ARN] [--s3-source S3_URI] [--test-eni]
                          FOLDER

            Prints the least-privilege IAM policy (JSON) for the reconciler's task role: RunTask only for the
            task definitions and clusters the desired state in FOLDER names, and SQS/DynamoDB/SNS/S3 statements
            only for the features switched on. Exit status: 0 printed, 1 invalid desired state, 2 usage error.

              --account ID          AWS account of the clusters and task definitions named by name (default: *)
              --region REGION       their region (default: *)
              --pass-role ARN       a task or execution role of the managed task definitions (repeatable);
                                    without it the policy holds a placeholder iam:PassRole statement
              --topic ARN           an SNS topic besides those in spec.notifications.topicArn (repeatable)
              --events QUEUE_ARN    the SQS queue of ECS task-state events (reconciler.events.queue-url)
              --state-table ARN     the DynamoDB state table: lease, run ledger, launch intents
                                    (reconciler.state.table; --leader-table is its deprecated name)
              --s3-source S3_URI    the daemon reads its desired state from s3://bucket/prefix
                                    (reconciler.desired-state.path): s3:ListBucket on that prefix only,
                                    s3:GetObject on the keys under it
              --test-eni            the test-ENI diagnosis is on (reconciler.diagnostics.test-eni=true): create and
                                    delete tagged network interfaces in the desired state's subnets
            """;

    record Run(Path folder, PolicyOptions options) implements PolicyArguments {
    }

    record Help() implements PolicyArguments {
    }

    record Wrong(String problem) implements PolicyArguments {
    }

    static PolicyArguments parse(List<String> args) {
        Path folder = null;
        String account = null;
        String region = null;
        List<String> passRoles = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        String eventsQueue = null;
        String stateTable = null;
        S3Location s3Source = null;
        boolean testEni = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                return new Help();
            }
            if (arg.equals("--test-eni")) {
                testEni = true;
                continue;
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
                case "--account" -> {
                    if (!value.matches("\\d{12}")) {
                        return new Wrong("--account must be a 12-digit AWS account id, not " + value);
                    }
                    account = value;
                }
                case "--region" -> region = value;
                case "--pass-role" -> {
                    if (!value.startsWith("arn:") || !value.contains(":role/")) {
                        return new Wrong("--pass-role must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME), not " + value);
                    }
                    passRoles.add(value);
                }
                case "--topic" -> topics.add(value);
                case "--events" -> eventsQueue = value;
                case "--state-table", "--leader-table" -> stateTable = value;
                case "--s3-source" -> {
                    if (!S3Location.isS3(value)) {
                        return new Wrong("--s3-source must be an s3://bucket/prefix URI, not " + value);
                    }
                    try {
                        s3Source = S3Location.parse(value).orElseThrow();
                    } catch (IllegalArgumentException e) {
                        return new Wrong("--s3-source: " + e.getMessage());
                    }
                }
                default -> {
                    return new Wrong("unknown option " + arg);
                }
            }
        }
        if (folder == null) {
            return new Wrong("name the desired-state folder, e.g. policy desired-state/");
        }
        return new Run(folder, new PolicyOptions(Optional.ofNullable(account), Optional.ofNullable(region), passRoles,
                topics, Optional.ofNullable(eventsQueue), Optional.ofNullable(stateTable),
                Optional.ofNullable(s3Source), testEni));
    }
}

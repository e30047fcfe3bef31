package io.fargatereconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.cli.ReconcilerCommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged application's command line, as {@link Main} runs it (without Quarkus), command by command. */
class MainTest {
    /** Every option the README and docs/ use, per command. */
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "validate", List.of("--output=text|json", "--allowed-clusters=NAME,...", "--max-file-bytes=N", "--against-aws",
                    "--endpoint-url=URL", "--region=REGION", "FOLDER"),
            "plan", List.of("--endpoint-url=URL", "--region=REGION", "--owner-id=ID", "FOLDER"),
            "policy", List.of("--account=ID", "--region=REGION", "--pass-role=ARN", "--topic=ARN", "--events=QUEUE_ARN",
                    "--state-table, --leader-table=TABLE_ARN", "--s3-source=S3_URI", "--test-eni", "--team=NAME",
                    "--stack-parameters", "FOLDER"),
            "simulate", List.of("--port=PORT", "--host=ADDRESS", "--config=FILE"));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @ValueSource(strings = {"validate", "plan", "policy", "simulate"})
    void helpOfEachCommandListsItsOptionsAndExitStatus(String command) {
        assertThat(run(command, "--help")).isZero();

        assertThat(out.toString()).startsWith("Usage: fargate-reconciler " + command + " [-h]")
                .contains(OPTIONS.get(command)).contains("-h, --help", "Exit status:");
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "plan", "policy", "simulate"})
    void anUnknownOptionIsAUsageErrorNamingItAboveTheUsage(String command) {
        assertThat(run(command, "--bogus", "desired-state/")).isEqualTo(ReconcilerCommandLine.USAGE_ERROR);

        assertThat(err.toString()).startsWith(command + ": unknown option --bogus\nUsage: fargate-reconciler " + command);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void helpListsTheCommandsAndSaysThatWithoutOneTheDaemonRuns() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).startsWith("Usage: fargate-reconciler [-h] [COMMAND]");
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("Without a command (java -jar quarkus-run.jar) it"
                        + " runs the daemon", "validate", "plan", "policy", "simulate");
    }

    @Test
    void anUnknownCommandIsAUsageErrorRatherThanADaemon() {
        assertThat(run("valdate", "desired-state/")).isEqualTo(ReconcilerCommandLine.USAGE_ERROR);

        assertThat(err.toString()).startsWith("fargate-reconciler: unknown command valdate; the commands are validate,"
                + " plan, policy, simulate\n");
    }

    private int run(String... args) {
        return ReconcilerCommandLine.run(Main.commands(), List.of(args), new PrintWriter(out), new PrintWriter(err));
    }
}

package io.fargatereconciler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alerting rules as promtool (Debian's {@code prometheus} package, installed by .ci/install) sees
 * them: valid, and each alert firing or staying silent as its unit tests in {@code alerts.test.yaml} expect.
 */
class AlertRulesTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void alertRulesAreValidForPrometheus() throws Exception {
        assertThat(promtool("check", "rules", "deploy/prometheus/alerts.yaml")).contains("SUCCESS: 10 rules found");
    }

    @Test
    void eachAlertFiresOnItsUnitTestSeriesAndStaysSilentOnHealthyOnes() throws Exception {
        assertThat(promtool("test", "rules", "deploy/prometheus/alerts.test.yaml")).contains("SUCCESS");
    }

    /** Runs promtool and returns what it printed; fails with that output when it exits non-zero. */
    private static String promtool(String... arguments) throws IOException, InterruptedException {
        assertThat(Files.isExecutable(PROMTOOL)).as(PROMTOOL + " is missing: the alert-rule tests need Debian's "
                + "prometheus package (promtool); run .ci/install as root (or apt-get install prometheus)").isTrue();
        Path output = Files.createTempFile("promtool", ".txt");
        try {
            Process process = new ProcessBuilder(command(arguments)).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished within 60 s").isTrue();
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("promtool %s said:%n%s", String.join(" ", arguments), printed)
                    .isZero();
            return printed;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static List<String> command(String... arguments) {
        return Stream.concat(Stream.of(PROMTOOL.toString()), Arrays.stream(arguments)).toList();
    }
}

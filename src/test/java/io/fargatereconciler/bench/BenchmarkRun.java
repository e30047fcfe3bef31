package io.fargatereconciler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The full benchmark run behind {@code ./mvnw -B -Pbenchmarks verify}: every scenario at the issue's scale, the
 * resident memory of the packaged daemon, the JMH results the profile wrote just before, and the report
 * ({@code docs/benchmarks.md} and {@code docs/benchmarks/*.png}). Its name does not end in Test: the normal build
 * does not run it (it runs {@link BenchmarkHarnessTest} instead).
 */
@QuarkusTest
class BenchmarkRun {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Inject
    EcsConfig ecsConfig;

    @Test
    void runsEveryScenarioAtFullScaleAndRewritesTheReport() throws Exception {
        Path jmhResults = Path.of(System.getProperty("bench.jmh-results", "target/jmh-results.json"));
        Path docs = Path.of(System.getProperty("bench.report-dir", "docs"));
        String started = System.getProperty("bench.started", "");
        List<JmhScore> jmh = Files.exists(jmhResults) ? JmhScore.read(jmhResults) : List.of();
        assertThat(JAR).as("the packaged daemon (package runs before this)").exists();
        Path workDir = Files.createDirectories(Path.of("target/bench-memory"));

        BenchmarkResults results = Harness.run(ecsConfig, Harness.Scale.FULL, jmh,
                () -> ResidentMemoryProbe.measure(JAR, 10, 100, workDir),
                started.isBlank() ? null : Instant.parse(started));
        Path report = BenchmarkReport.write(results, docs);

        System.out.println("Benchmark report written: " + report.toAbsolutePath());
        assertThat(report).isNotEmptyFile();
    }
}

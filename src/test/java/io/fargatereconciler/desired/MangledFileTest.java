package io.fargatereconciler.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a file holds, loading ends in a result, never an exception (thrown, or caught as a bug): the shipped examples mangled at random
 * (seeded, so a failure repeats) and plain random bytes.
 */
@Timeout(120)
class MangledFileTest {
    private static final String YAML_PIECES = ":[]{}-&*!|>'\"#,?%@\n \t~0123456789abcxyzAB\\";
    private static final int ROUNDS = 200;

    @TempDir
    Path folder;

    @Test
    void loadingAMangledExampleAlwaysEndsInAResult() throws IOException {
        String example = Files.readString(Path.of("desired-state/team-payments/api.yaml"));
        Random random = new Random(20300101L);
        DesiredStateFixture fixture = new DesiredStateFixture(folder);
        for (int round = 0; round < ROUNDS; round++) {
            String mangled = mangle(example, random);
            fixture.write("api.yaml", mangled);
            LoadResult result;
            try {
                result = fixture.load();
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + " threw on:\n" + mangled, e);
            }
            assertThat(result.toString()).as("round %d:%n%s", round, mangled).doesNotContain("a bug in");
        }
    }

    @Test
    void loadingRandomBytesAlwaysEndsInAnError() {
        Random random = new Random(42L);
        DesiredStateFixture fixture = new DesiredStateFixture(folder);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            fixture.write("api.yaml", bytes);
            LoadResult result = fixture.load();
            assertThat(result).as("round %d", round).isInstanceOf(LoadResult.Invalid.class);
            assertThat(result.toString()).as("round %d", round).doesNotContain("a bug in");
        }
    }

    private static String mangle(String text, Random random) {
        StringBuilder mangled = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(5); edits > 0; edits--) {
            int at = random.nextInt(mangled.length());
            switch (random.nextInt(4)) {
                case 0 -> mangled.delete(at, Math.min(mangled.length(), at + 1 + random.nextInt(20)));
                case 1 -> mangled.insert(at, YAML_PIECES.charAt(random.nextInt(YAML_PIECES.length())));
                case 2 -> mangled.insert(at, mangled.substring(at, Math.min(mangled.length(), at + random.nextInt(80))));
                default -> mangled.setCharAt(at, (char) random.nextInt(0x3000));
            }
        }
        return new String(mangled.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}

package io.fargatereconciler.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every YAML example in the documentation is valid desired state, so no reader copies a broken one. */
class DocumentationExamplesTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/desired-state.md"})
    void everyYamlExampleValidates(String document) throws IOException {
        List<String> examples = yamlBlocks(Files.readString(Path.of(document)));
        assertThat(examples).as("examples in %s", document).isNotEmpty();
        DesiredStateFixture fixture = new DesiredStateFixture(folder);
        for (int i = 0; i < examples.size(); i++) {
            fixture.write("example-" + i + ".yaml", examples.get(i));
        }
        LoadResult result = fixture.load();
        assertThat(result).as("%s: %s", document, result).isInstanceOf(LoadResult.Valid.class);
        assertThat(((LoadResult.Valid) result).state().resources()).hasSize(examples.size());
    }

    private static List<String> yamlBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher block = YAML_BLOCK.matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}

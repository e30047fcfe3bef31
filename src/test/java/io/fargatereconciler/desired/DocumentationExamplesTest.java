package io.fargatereconciler.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.mapping.DocumentMapper;
import io.fargatereconciler.desired.mapping.Problems;
import io.fargatereconciler.desired.yaml.YamlComposer;
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

/**
 * Every YAML example in the documentation is valid desired state, so no reader copies a broken one: TaskGroups and
 * Jobs load together; each Team document is a valid Team (a team's resources live in its folders, so Team examples
 * are checked document by document).
 */
class DocumentationExamplesTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/desired-state.md"})
    void everyYamlExampleValidates(String document) throws IOException {
        List<String> blocks = yamlBlocks(Files.readString(Path.of(document)));
        assertThat(blocks).as("examples in %s", document).isNotEmpty();
        List<String> teams = blocks.stream().filter(block -> block.contains("\nkind: Team\n")).toList();
        teams.forEach(block -> assertThat(mapped(block)).as("%s: %s", document, block).isNotEmpty()
                .allSatisfy(team -> assertThat(team).isInstanceOf(Team.class)));
        List<String> examples = blocks.stream().filter(block -> !teams.contains(block)).toList();
        DesiredStateFixture fixture = new DesiredStateFixture(folder);
        for (int i = 0; i < examples.size(); i++) {
            fixture.write("example-" + i + ".yaml", examples.get(i));
        }
        LoadResult result = fixture.load();
        assertThat(result).as("%s: %s", document, result).isInstanceOf(LoadResult.Valid.class);
        assertThat(((LoadResult.Valid) result).state().resources()).hasSize(examples.size());
    }

    /** Every document of {@code yaml}, mapped; it must have no errors. */
    private static List<DesiredDocument> mapped(String yaml) {
        Problems problems = new Problems("example.yaml");
        DocumentMapper mapper = new DocumentMapper(AllowedClusters.ANY);
        List<DesiredDocument> documents = YamlComposer.compose(yaml).documents().stream()
                .flatMap(document -> mapper.map(document, problems).stream())
                .flatMap(document -> document.document().stream()).toList();
        assertThat(problems.list()).as(yaml).isEmpty();
        return documents;
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

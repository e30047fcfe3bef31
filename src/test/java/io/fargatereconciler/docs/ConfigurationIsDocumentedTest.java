package io.fargatereconciler.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code reconciler.*} property of every {@code @ConfigMapping} interface appears in docs/configuration.md,
 * with its environment variable: the page is the reference operators read, so a new property must land there.
 */
class ConfigurationIsDocumentedTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path DOC = Path.of("docs/configuration.md");

    @Test
    void documentsEveryPropertyAndItsEnvironmentVariable() throws Exception {
        String doc = Files.readString(DOC);
        List<String> properties = properties();
        assertThat(properties).as("properties found").contains("reconciler.desired-state.path",
                "reconciler.desired-state.s3.endpoint-override");
        assertThat(properties).allSatisfy(property -> {
            assertThat(doc).as("docs/configuration.md names %s", property).contains("`" + property + "`");
            assertThat(doc).as("docs/configuration.md names the variable of %s", property)
                    .contains("`" + property.toUpperCase().replace('.', '_').replace('-', '_') + "`");
        });
    }

    private static List<String> properties() throws IOException, ClassNotFoundException {
        List<String> properties = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!Files.readString(file).contains("@ConfigMapping")) {
                    continue;
                }
                String name = SOURCES.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                Class<?> type = Class.forName(name);
                ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
                if (mapping != null) {
                    collect(type, mapping.prefix(), properties);
                }
            }
        }
        return properties;
    }

    private static void collect(Class<?> group, String prefix, List<String> properties) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String name = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && returned.getName().startsWith("io.fargatereconciler.")) {
                collect(returned, name, properties);
            } else {
                properties.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}

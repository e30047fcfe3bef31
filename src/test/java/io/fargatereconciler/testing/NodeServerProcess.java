package io.fargatereconciler.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server from npm ({@code node_modules}, installed by {@code npm ci} at the repository root: {@code .ci/run} and
 * the Maven build do it) run by {@code node} as a child process, ready once a line of its output matches. Fails,
 * never skips, when it is not installed or does not start.
 */
final class NodeServerProcess {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private NodeServerProcess() {
    }

    /** The running process and the output line that said it is ready. */
    record Started(Process process, Matcher readyLine) {
        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Throws when {@code cli} (a path under node_modules) is missing, saying how to install it. */
    static void requireInstalled(String name, Path cli) {
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(name + " is not installed: " + cli.toAbsolutePath() + " is missing. Run"
                    + " `npm ci` at the repository root (Node.js 20+); .ci/run and `./mvnw verify` do it");
        }
    }

    /** Runs {@code node cli arguments...} and waits until an output line matches {@code ready}. */
    static Started start(String name, Path cli, List<String> arguments, Pattern ready) {
        List<String> command = new ArrayList<>(List.of("node", cli.toString()));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run `node` to start " + name + " (is Node.js 20+ on PATH?): " + e,
                    e);
        }
        CompletableFuture<Matcher> readyLine = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(name, process, ready, readyLine), name + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Started(process, readyLine.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not start (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
    }

    /** Reads the output to its end (a full pipe would block the server), watching for the ready line. */
    private static void drain(String name, Process process, Pattern ready, CompletableFuture<Matcher> readyLine) {
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!readyLine.isDone()) {
                    output.append(line).append('\n');
                    Matcher matcher = ready.matcher(line);
                    if (matcher.find()) {
                        readyLine.complete(matcher);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        readyLine.completeExceptionally(new IllegalStateException(name + " exited: " + output));
    }
}

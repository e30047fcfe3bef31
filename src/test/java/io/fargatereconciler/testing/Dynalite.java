package io.fargatereconciler.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * dynalite (a DynamoDB-compatible server from npm) as a child process on a free loopback port. Installed by
 * {@code npm ci} at the repository root ({@code .ci/run} and the Maven build do it). Fails, never skips, when it
 * cannot start.
 */
public final class Dynalite implements AutoCloseable {
    private static final Path CLI = Path.of("node_modules", "dynalite", "cli.js");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static Dynalite start() {
        if (!Files.isRegularFile(CLI)) {
            throw new IllegalStateException("dynalite is not installed: " + CLI.toAbsolutePath() + " is missing. Run"
                    + " `npm ci` at the repository root (Node.js 20+); .ci/run and `./mvnw verify` do it");
        }
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return startOn(freePort());
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Dynalite startOn(int port) {
        Process process;
        try {
            process = new ProcessBuilder("node", CLI.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--createTableMs", "1", "--deleteTableMs", "1")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run `node` to start dynalite (is Node.js 20+ on PATH?): " + e, e);
        }
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(process, listening), "dynalite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start on port " + port + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting dynalite", e);
        }
    }

    private static void drain(Process process, CompletableFuture<Void> listening) {
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!listening.isDone()) {
                    output.append(line).append('\n');
                    if (line.contains("listening")) {
                        listening.complete(null);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        listening.completeExceptionally(new IllegalStateException("dynalite exited: " + output));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server; the interceptors let a test cut one client's connection. */
    public DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(config -> {
                    for (ExecutionInterceptor interceptor : interceptors) {
                        config.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    /** Creates a lease table (partition key {@code key}, a string) and waits until it is active. */
    public void createLeaseTable(String table) {
        try (DynamoDbClient dynamo = client()) {
            dynamo.createTable(request -> request.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key -> key.attributeName("key").keyType(KeyType.HASH))
                    .attributeDefinitions(attribute -> attribute.attributeName("key")
                            .attributeType(ScalarAttributeType.S)));
            dynamo.waiter().waitUntilTableExists(request -> request.tableName(table));
        }
    }

    @Override
    public void close() {
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

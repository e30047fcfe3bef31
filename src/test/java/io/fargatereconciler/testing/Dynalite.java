package io.fargatereconciler.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
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
    private static final Pattern LISTENING = Pattern.compile("listening");
    private static final int ATTEMPTS = 3;

    private final NodeServerProcess.Started process;
    private final URI endpoint;

    private Dynalite(NodeServerProcess.Started process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static Dynalite start() {
        NodeServerProcess.requireInstalled("dynalite", CLI);
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
        NodeServerProcess.Started started = NodeServerProcess.start("dynalite", CLI, List.of("--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "1", "--deleteTableMs", "1"), LISTENING);
        return new Dynalite(started, URI.create("http://127.0.0.1:" + port));
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
        process.stop();
    }
}

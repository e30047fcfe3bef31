package io.fargatereconciler.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * s3rver (an S3-compatible server from npm) as a child process on a free loopback port it picks itself (port 0;
 * the port is read from its "listening" line), storing objects in a temporary folder. Installed by {@code npm ci} at
 * the repository root ({@code .ci/run} and the Maven build do it). Fails, never skips, when it cannot start.
 * Clients use path-style addressing and s3rver's built-in credentials ({@code S3RVER}/{@code S3RVER}).
 */
public final class S3rver implements AutoCloseable {
    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";
    public static final String REGION = "us-east-1";
    private static final Path CLI = Path.of("node_modules", "s3rver", "bin", "s3rver.js");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern LISTENING = Pattern.compile("listening on [^:\\s]+:(\\d+)");

    private final Process process;
    private final Path directory;
    private final URI endpoint;

    private S3rver(Process process, Path directory, URI endpoint) {
        this.process = process;
        this.directory = directory;
        this.endpoint = endpoint;
    }

    public static S3rver start() {
        if (!Files.isRegularFile(CLI)) {
            throw new IllegalStateException("s3rver is not installed: " + CLI.toAbsolutePath() + " is missing. Run"
                    + " `npm ci` at the repository root (Node.js 20+); .ci/run and `./mvnw verify` do it");
        }
        Path directory;
        Process process;
        try {
            directory = Files.createTempDirectory("s3rver");
            process = new ProcessBuilder("node", CLI.toString(), "--directory", directory.toString(),
                    "--address", "127.0.0.1", "--port", "0", "--no-vhost-buckets")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run `node` to start s3rver (is Node.js 20+ on PATH?): " + e, e);
        }
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(process, port), "s3rver-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int listening = port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new S3rver(process, directory, URI.create("http://127.0.0.1:" + listening));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("s3rver did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting s3rver", e);
        }
    }

    private static void drain(Process process, CompletableFuture<Integer> port) {
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!port.isDone()) {
                    output.append(line).append('\n');
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port.complete(Integer.parseInt(listening.group(1)));
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        port.completeExceptionally(new IllegalStateException("s3rver exited: " + output));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server (path-style, static credentials); the interceptors let a test count calls. */
    public S3Client client(ExecutionInterceptor... interceptors) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // s3rver predates the SDK's default CRC checksums and aws-chunked (signed chunks) uploads
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(config -> {
                    for (ExecutionInterceptor interceptor : interceptors) {
                        config.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    /** Creates a bucket. */
    public void createBucket(String bucket) {
        try (S3Client s3 = client()) {
            s3.createBucket(request -> request.bucket(bucket));
        }
    }

    /** Writes (or overwrites) one object. */
    public void put(String bucket, String key, String text) {
        try (S3Client s3 = client()) {
            s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
        }
    }

    public void delete(String bucket, String key) {
        try (S3Client s3 = client()) {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
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
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.fargatereconciler.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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
    private static final Pattern LISTENING = Pattern.compile("listening on [^:\\s]+:(\\d+)");

    private final NodeServerProcess.Started process;
    private final Path directory;
    private final URI endpoint;

    private S3rver(NodeServerProcess.Started process, Path directory, URI endpoint) {
        this.process = process;
        this.directory = directory;
        this.endpoint = endpoint;
    }

    public static S3rver start() {
        NodeServerProcess.requireInstalled("s3rver", CLI);
        Path directory;
        try {
            directory = Files.createTempDirectory("s3rver");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NodeServerProcess.Started started = NodeServerProcess.start("s3rver", CLI, List.of("--directory",
                directory.toString(), "--address", "127.0.0.1", "--port", "0", "--no-vhost-buckets"), LISTENING);
        return new S3rver(started, directory, URI.create("http://127.0.0.1:" + started.readyLine().group(1)));
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
        process.stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

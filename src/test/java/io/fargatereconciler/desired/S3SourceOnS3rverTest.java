package io.fargatereconciler.desired;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.SdkS3BucketReader;
import io.fargatereconciler.testing.ManualClock;
import io.fargatereconciler.testing.S3rver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 desired-state source against a real S3-compatible server (s3rver): the objects under a prefix are read
 * and validated like a folder, changes are found by ETag, only changed objects are fetched again, and a broken
 * edit, a deleted object or an unreachable server never leaves anything but the last good state in force.
 */
class S3SourceOnS3rverTest {
    private static final String BUCKET = "desired-state";
    private static final String PREFIX = "prod/";
    private static final Duration DEBOUNCE = Duration.ofSeconds(2);
    private static final String WORKER = GROUP.replace("name: api", "name: worker").replace("api:3", "worker:7");

    private static S3rver server;
    private static int bucketNumber;

    @TempDir
    Path folder;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final List<DesiredStateChanged> announced = new ArrayList<>();
    private String bucket;
    private S3Client daemonClient;
    private DesiredStateStore store;
    private DesiredStateWatch watch;

    @BeforeAll
    static void startServer() {
        server = S3rver.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        bucket = BUCKET + "-" + (++bucketNumber);
        server.createBucket(bucket);
        daemonClient = server.client(new CountingCalls());
        watchBucket(server, LoadSettings.DEFAULT);
    }

    @AfterEach
    void closeClient() {
        daemonClient.close();
    }

    private void watchBucket(S3rver s3, LoadSettings settings) {
        BucketSource source = new BucketSource(new S3Location(bucket, PREFIX), new SdkS3BucketReader(daemonClient),
                settings);
        store = new DesiredStateStore(source.location(), announced::add);
        watch = new DesiredStateWatch(store, source, settings, Duration.ofSeconds(30), DEBOUNCE, clock);
    }

    @Test
    void loadsTheYamlObjectsUnderThePrefixAsTheDesiredState() {
        server.put(bucket, PREFIX + "team-a/api.yaml", GROUP);
        server.put(bucket, PREFIX + "team-b/worker.yml", WORKER);
        server.put(bucket, PREFIX + "README.md", "not desired state");
        server.put(bucket, PREFIX + ".drafts/broken.yaml", "kind: [");
        server.put(bucket, "staging/api.yaml", "not: ours");

        watch.load();

        assertThat(store.errors()).isEmpty();
        assertThat(names(store.current().orElseThrow())).containsExactlyInAnyOrder("api", "worker");
        assertThat(store.status().path()).isEqualTo("s3://" + bucket + "/prod/");
        assertThat(store.status().lastGood().orElseThrow().files()).isEqualTo(2);
    }

    @Test
    void givesTheSameRevisionAsTheSameFilesInAFolder() {
        server.put(bucket, PREFIX + "team-a/api.yaml", GROUP);
        new DesiredStateFixture(folder).write("team-a/api.yaml", GROUP);

        watch.load();

        String fromFolder = ((LoadResult.Valid) new DesiredStateFixture(folder).load()).revision();
        assertThat(store.status().lastGood().orElseThrow().revision()).isEqualTo(fromFolder);
    }

    @Test
    void takesAnEditOnceItsETagChangedAndTheChangeSettled() {
        server.put(bucket, PREFIX + "api.yaml", GROUP);
        watch.load();

        server.put(bucket, PREFIX + "api.yaml", GROUP.replace("replicas: 2", "replicas: 5"));
        watch.checkNow();
        assertThat(replicasOfApi()).as("seen, not settled yet").isEqualTo(2);
        clock.advance(DEBOUNCE);
        watch.checkNow();

        assertThat(replicasOfApi()).isEqualTo(5);
        assertThat(announced).hasSize(2);
    }

    @Test
    void fetchesOnlyTheObjectsWhoseETagChanged() {
        server.put(bucket, PREFIX + "api.yaml", GROUP);
        server.put(bucket, PREFIX + "worker.yaml", WORKER);
        watch.load();
        assertThat(count("GetObject")).as("first load").isEqualTo(2);

        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(30));
            watch.checkNow();
        }
        assertThat(count("GetObject")).as("after three polls of an unchanged prefix").isEqualTo(2);
        assertThat(count("ListObjectsV2")).isEqualTo(4);

        server.put(bucket, PREFIX + "worker.yaml", WORKER.replace("replicas: 2", "replicas: 3"));
        settle();
        assertThat(count("GetObject")).as("after one object changed").isEqualTo(3);
        assertThat(store.current().orElseThrow().taskGroups()).hasSize(2);
    }

    @Test
    void keepsTheLastGoodStateWhenAnEditIsBrokenAndNamesKeyLineAndField() {
        server.put(bucket, PREFIX + "team-a/api.yaml", GROUP);
        watch.load();
        String good = store.status().lastGood().orElseThrow().revision();

        server.put(bucket, PREFIX + "team-a/api.yaml", GROUP.replace("replicas: 2", "replicas: lots"));
        settle();

        assertThat(store.status().lastGood().orElseThrow().revision()).isEqualTo(good);
        assertThat(replicasOfApi()).isEqualTo(2);
        assertThat(store.errors()).singleElement().asString()
                .startsWith("s3://" + bucket + "/prod/team-a/api.yaml:6:13 spec.replicas: ");

        server.put(bucket, PREFIX + "team-a/api.yaml", GROUP.replace("replicas: 2", "replicas: 4"));
        settle();
        assertThat(store.errors()).isEmpty();
        assertThat(replicasOfApi()).isEqualTo(4);
    }

    @Test
    void dropsADeletedObjectFromTheDesiredState() {
        server.put(bucket, PREFIX + "api.yaml", GROUP);
        server.put(bucket, PREFIX + "worker.yaml", WORKER);
        watch.load();

        server.delete(bucket, PREFIX + "worker.yaml");
        settle();

        assertThat(names(store.current().orElseThrow())).containsExactly("api");
    }

    @Test
    void refusesAnEmptiedPrefixAndKeepsTheLastGoodState() {
        server.put(bucket, PREFIX + "api.yaml", GROUP);
        watch.load();

        server.delete(bucket, PREFIX + "api.yaml");
        settle();

        assertThat(names(store.current().orElseThrow())).containsExactly("api");
        assertThat(store.errors()).singleElement().asString()
                .startsWith("s3://" + bucket + "/prod/: holds no desired-state files (*.yaml, *.yml); an empty prefix is refused");
    }

    @Test
    void refusesAnObjectOverTheSizeLimitWithoutFetchingIt() {
        watchBucket(server, new LoadSettings(200, 10, Set.of()));
        server.put(bucket, PREFIX + "api.yaml", GROUP + "#" + "x".repeat(300) + "\n");

        watch.load();

        assertThat(store.current()).isEmpty();
        assertThat(store.errors()).singleElement().asString().isEqualTo("s3://" + bucket + "/prod/api.yaml: is "
                + (GROUP.length() + 302) + " bytes, over the limit of 200 bytes"
                + " (reconciler.desired-state.max-file-bytes); split it into smaller files");
        assertThat(count("GetObject")).isZero();
    }

    @Test
    void refusesMoreObjectsThanTheLimitWithoutFetchingAny() {
        watchBucket(server, new LoadSettings(LoadSettings.DEFAULT_MAX_FILE_BYTES, 2, Set.of()));
        for (String name : List.of("a", "b", "c")) {
            server.put(bucket, PREFIX + name + ".yaml", GROUP.replace("name: api", "name: " + name));
        }

        watch.load();

        assertThat(store.errors()).singleElement().asString().isEqualTo("s3://" + bucket + "/prod/: holds more than 2"
                + " desired-state files, over the limit (reconciler.desired-state.max-files); none were read. Merge"
                + " files or raise the limit");
        assertThat(count("GetObject")).isZero();
    }

    @Test
    void saysWhenTheBucketDoesNotExist() {
        bucket = "no-such-bucket";
        watchBucket(server, LoadSettings.DEFAULT);

        watch.load();

        assertThat(store.current()).isEmpty();
        assertThat(store.errors()).singleElement().asString()
                .startsWith("s3://no-such-bucket/prod/: cannot be listed (S3 answered 404 NoSuchBucket: ");
    }

    @Test
    void keepsTheLastGoodStateWhileTheServerIsDownAndSaysSo() {
        try (S3rver own = S3rver.start()) {
            own.createBucket(bucket);
            own.put(bucket, PREFIX + "api.yaml", GROUP);
            daemonClient.close();
            daemonClient = own.client(new CountingCalls());
            watchBucket(own, LoadSettings.DEFAULT);
            watch.load();
            assertThat(store.errors()).isEmpty();
        }

        settle();

        assertThat(replicasOfApi()).isEqualTo(2);
        assertThat(store.status().lastAttemptAt()).contains(clock.instant());
        assertThat(store.errors()).singleElement().asString()
                .startsWith("s3://" + bucket + "/prod/: cannot be listed (S3 could not be reached: ")
                .contains("the last good desired state stays in force");
    }

    /** A change is seen at one check and taken at the next, once it has stayed the same for the debounce. */
    private void settle() {
        clock.advance(Duration.ofSeconds(30));
        watch.checkNow();
        clock.advance(DEBOUNCE);
        watch.checkNow();
    }

    private int replicasOfApi() {
        DesiredState state = store.current().orElseThrow();
        return state.taskGroups().stream().filter(group -> group.metadata().name().equals("api")).findFirst()
                .orElseThrow().replicas();
    }

    private static List<String> names(DesiredState state) {
        return state.resources().keySet().stream().map(ResourceKey::name).toList();
    }

    private int count(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    private final class CountingCalls implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    operation -> new AtomicInteger()).incrementAndGet();
        }
    }
}

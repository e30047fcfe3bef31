package io.fargatereconciler.aws;

import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.Ownership;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The observation mapping (DescribeTasks' SDK {@link Task} to our {@link ObservedTask}: tags, ENI subnet, containers,
 * stop classification) for 10,000 tasks, as one pass over 10,000 copies does it. It sits in this package because
 * {@link EcsTaskMapper} is package-private; the scenario harness is in {@code io.fargatereconciler.bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ObservationMappingBenchmark {
    private final List<Task> described = new ArrayList<>();

    @Setup(Level.Trial)
    public void describeTenThousandTasks() {
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            boolean stopped = i % 100 == 0;
            described.add(Task.builder()
                    .taskArn("arn:aws:ecs:us-east-1:123456789012:task/cluster-" + i % 10 + "/" + Integer.toHexString(i))
                    .startedBy(Ownership.DEFAULT_OWNER_ID).lastStatus(stopped ? "STOPPED" : "RUNNING")
                    .desiredStatus(stopped ? "STOPPED" : "RUNNING").createdAt(created).startedAt(created.plusSeconds(40))
                    .stopCode(stopped ? "TaskFailedToStart" : null)
                    .stoppedReason(stopped ? "Timeout waiting for network interface provisioning to complete." : null)
                    .tags(Tag.builder().key(Ownership.GROUP_TAG).value("TaskGroup/group-" + i / 100).build(),
                            Tag.builder().key(Ownership.SPEC_HASH_TAG).value("a1b2c3d4e5f6").build())
                    .attachments(Attachment.builder().type("ElasticNetworkInterface").details(
                            KeyValuePair.builder().name("subnetId").value("subnet-0000000000000001a").build(),
                            KeyValuePair.builder().name("privateIPv4Address").value("10.1.0." + i % 250).build()).build())
                    .containers(Container.builder().name("app").lastStatus(stopped ? "STOPPED" : "RUNNING").build())
                    .build());
        }
    }

    @Benchmark
    public List<ObservedTask> mapTenThousandDescribedTasks() {
        List<ObservedTask> mapped = new ArrayList<>(described.size());
        for (Task task : described) {
            mapped.add(EcsTaskMapper.toObservedTask("cluster", task));
        }
        return mapped;
    }
}

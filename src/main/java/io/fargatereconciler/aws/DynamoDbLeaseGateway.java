package io.fargatereconciler.aws;

import com.amazonaws.services.dynamodbv2.AcquireLockOptions;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClientOptions;
import com.amazonaws.services.dynamodbv2.GetLockOptions;
import com.amazonaws.services.dynamodbv2.LockItem;
import com.amazonaws.services.dynamodbv2.model.LockCurrentlyUnavailableException;
import com.amazonaws.services.dynamodbv2.model.LockNotGrantedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link LeaseGateway} on the Amazon DynamoDB Lock Client (SDK v2). The lease is one item, partition key {@code key} =
 * the lease name, with the holder in {@code ownerName}, the lease duration and a record version number that changes on
 * every renewal; the start of leadership is kept in {@code data}, and the number of the current leader term in
 * {@code leaderTerm} (one more on every acquisition). The item is updated in place, never deleted (a released lease is
 * marked {@code isReleased}), so the term only grows. Only conditional PutItem (the first acquisition) and UpdateItem
 * and consistent GetItem are used: no transactions, no TTL. The lock client's own heartbeat thread is off; the election
 * renews on its own schedule.
 */
public final class DynamoDbLeaseGateway implements LeaseGateway {
    /** The lease item's count of leader terms. */
    static final String LEADER_TERM = "leaderTerm";
    private final AmazonDynamoDBLockClient locks;
    private final DynamoDbClient dynamo;
    private final LeaseSettings settings;
    private final boolean ownsClient;

    /** Uses a client the caller owns and closes. */
    public DynamoDbLeaseGateway(DynamoDbClient dynamo, LeaseSettings settings) {
        this(dynamo, settings, false);
    }

    private DynamoDbLeaseGateway(DynamoDbClient dynamo, LeaseSettings settings, boolean ownsClient) {
        this.dynamo = dynamo;
        this.settings = settings;
        this.ownsClient = ownsClient;
        this.locks = new AmazonDynamoDBLockClient(AmazonDynamoDBLockClientOptions.builder(dynamo, settings.table())
                .withOwnerName(settings.replicaId())
                .withLeaseDuration(settings.leaseDuration().toMillis())
                .withTimeUnit(TimeUnit.MILLISECONDS)
                .withCreateHeartbeatBackgroundThread(false)
                .build());
    }

    /**
     * Builds its own client (default credentials chain, URL-connection HTTP, standard retry mode) whose calls give up
     * after {@code callTimeout}, so a hung call cannot outlast a renewal period; {@link #close()} closes it.
     */
    public static DynamoDbLeaseGateway connect(AwsEndpoint endpoint, LeaseSettings settings, Duration callTimeout) {
        return new DynamoDbLeaseGateway(client(endpoint, callTimeout), settings, true);
    }

    /** A client for the state table whose calls give up after {@code callTimeout}. */
    static DynamoDbClient client(AwsEndpoint endpoint, Duration callTimeout) {
        return endpoint.applyTo(DynamoDbClient.builder())
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(callTimeout))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD).apiCallTimeout(callTimeout).build())
                .build();
    }

    @Override
    public Optional<HeldLease> tryAcquire(Instant since) {
        AcquireLockOptions options = AcquireLockOptions.builder(settings.leaseName())
                .withData(ByteBuffer.wrap(since.toString().getBytes(StandardCharsets.UTF_8)))
                .withReplaceData(true)
                // the item also carries the leader term: it is updated, never replaced or deleted, so the term only grows
                .withUpdateExistingLockRecord(true)
                .withDeleteLockOnRelease(false)
                .withShouldSkipBlockingWait(true)
                .withAdditionalTimeToWaitForLock(0L)
                .withRefreshPeriod(0L)
                .withTimeUnit(TimeUnit.MILLISECONDS)
                .build();
        LockItem lock;
        try {
            lock = locks.acquireLock(options);
        } catch (LockCurrentlyUnavailableException | LockNotGrantedException heldByAnother) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return startTerm(lock).map(term -> new HeldLease(lock, since, term));
    }

    /**
     * Counts a new term on the lease item ({@code leaderTerm}, N), only while this replica holds it as acquired: the
     * term number fences the state items ({@link DynamoDbStateStore}). Empty when another replica took the lease
     * in between.
     */
    private Optional<Long> startTerm(LockItem lock) {
        try {
            Map<String, AttributeValue> updated = dynamo.updateItem(request -> request.tableName(settings.table())
                    .key(Map.of(DynamoDbStateStore.KEY, AttributeValue.fromS(settings.leaseName())))
                    .updateExpression("ADD #term :one")
                    .conditionExpression("#owner = :owner AND #version = :version")
                    .expressionAttributeNames(Map.of("#term", LEADER_TERM, "#owner", "ownerName",
                            "#version", "recordVersionNumber"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":owner", AttributeValue.fromS(settings.replicaId()),
                            ":version", AttributeValue.fromS(lock.getRecordVersionNumber())))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return Optional.of(Long.parseLong(updated.get(LEADER_TERM).n()));
        } catch (ConditionalCheckFailedException lostMeanwhile) {
            return Optional.empty();
        }
    }

    @Override
    public boolean renew(HeldLease lease) {
        try {
            locks.sendHeartbeat(lease.lock());
            return true;
        } catch (LockNotGrantedException lost) {
            return false;
        }
    }

    @Override
    public void release(HeldLease lease) {
        locks.releaseLock(lease.lock());
    }

    @Override
    public Optional<LeaseHolder> currentHolder() {
        Optional<LockItem> item = locks.getLockFromDynamoDB(GetLockOptions.builder(settings.leaseName()).build());
        // a lock just read is "expired" only when it is marked released
        return item.filter(lock -> !lock.isExpired())
                .map(lock -> new LeaseHolder(lock.getOwnerName(), sinceOf(lock)));
    }

    @Override
    public void close() {
        try {
            locks.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (ownsClient) {
                dynamo.close();
            }
        }
    }

    private static Instant sinceOf(LockItem lock) {
        return lock.getData().map(data -> {
            try {
                return Instant.parse(StandardCharsets.UTF_8.decode(data.duplicate()).toString());
            } catch (DateTimeParseException notOurs) {
                return null;
            }
        }).orElse(null);
    }
}

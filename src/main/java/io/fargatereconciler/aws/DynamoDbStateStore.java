package io.fargatereconciler.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.state.ClaimedState;
import io.fargatereconciler.loop.state.LaunchIntent;
import io.fargatereconciler.loop.state.StateStore;
import io.fargatereconciler.loop.state.StateWriteRefused;
import io.fargatereconciler.plan.job.JobLedger;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link StateStore} in the DynamoDB table that holds the lease (single-table design, partition key {@code key}).
 * One item per TaskGroup's open launch intents ({@code key} = {@code LEASE#intents#TaskGroup/NAME}) and one per
 * Job's run-ledger entry ({@code LEASE#ledger#Job/NAME}), beside the lease item ({@code key} = {@code LEASE}). Each
 * item has {@code kind} ({@code intents} or {@code ledger}), {@code term} (N, the leader term that claimed it),
 * {@code writtenBy} (the replica) and {@code body} (S, JSON of the intents or the ledger entry).
 *
 * <p>Only conditional UpdateItem (a claim: {@code SET term} if the item's term is not newer, returning the item) and
 * conditional PutItem (a write: only while the item's term is the writer's) are used: no transactions, no TTL. A
 * refused condition is {@link StateWriteRefused}; any other failure is the SDK's exception.
 */
public final class DynamoDbStateStore implements StateStore {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<List<LaunchIntent>> INTENTS = new TypeReference<>() {
    };
    static final String KEY = "key";
    static final String TERM = "term";
    static final String KIND = "kind";
    static final String BODY = "body";
    static final String WRITTEN_BY = "writtenBy";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String leaseName;
    private final String replicaId;
    private final boolean ownsClient;

    /** Uses a client the caller owns and closes. */
    public DynamoDbStateStore(DynamoDbClient dynamo, String table, String leaseName, String replicaId) {
        this(dynamo, table, leaseName, replicaId, false);
    }

    private DynamoDbStateStore(DynamoDbClient dynamo, String table, String leaseName, String replicaId,
                               boolean ownsClient) {
        this.dynamo = dynamo;
        this.table = table;
        this.leaseName = leaseName;
        this.replicaId = replicaId;
        this.ownsClient = ownsClient;
    }

    /** Builds its own client as {@link DynamoDbLeaseGateway#connect} does; {@link #close()} closes it. */
    public static DynamoDbStateStore connect(AwsEndpoint endpoint, LeaseSettings settings,
                                             java.time.Duration callTimeout) {
        return new DynamoDbStateStore(DynamoDbLeaseGateway.client(endpoint, callTimeout), settings.table(),
                settings.leaseName(), settings.replicaId(), true);
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public ClaimedState claim(long term, Collection<ResourceKey> groups, Collection<ResourceKey> jobs) {
        Map<ResourceKey, List<LaunchIntent>> intents = new HashMap<>();
        Map<ResourceKey, JobLedger> ledgers = new HashMap<>();
        for (ResourceKey group : groups) {
            String body = claim(term, key("intents", group), "intents");
            if (body != null) {
                intents.put(group, read(body, INTENTS));
            }
        }
        for (ResourceKey job : jobs) {
            String body = claim(term, key("ledger", job), "ledger");
            if (body != null) {
                ledgers.put(job, read(body, JobLedger.class));
            }
        }
        return new ClaimedState(intents, ledgers);
    }

    @Override
    public void writeIntents(long term, ResourceKey group, List<LaunchIntent> open) {
        write(term, key("intents", group), "intents", json(open));
    }

    @Override
    public void writeLedger(long term, ResourceKey job, JobLedger ledger) {
        write(term, key("ledger", job), "ledger", json(ledger));
    }

    @Override
    public void close() {
        if (ownsClient) {
            dynamo.close();
        }
    }

    private String key(String kind, ResourceKey resource) {
        return leaseName + "#" + kind + "#" + resource;
    }

    /** Sets the item's term to {@code term} unless a newer one holds it; returns its body, null when it has none. */
    private String claim(long term, String key, String kind) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(request -> request.tableName(table)
                    .key(Map.of(KEY, AttributeValue.fromS(key)))
                    .updateExpression("SET #term = :term, #kind = :kind")
                    .conditionExpression("attribute_not_exists(#term) OR #term <= :term")
                    .expressionAttributeNames(Map.of("#term", TERM, "#kind", KIND))
                    .expressionAttributeValues(Map.of(":term", AttributeValue.fromN(Long.toString(term)),
                            ":kind", AttributeValue.fromS(kind)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            AttributeValue body = item.get(BODY);
            return body == null ? null : body.s();
        } catch (ConditionalCheckFailedException newerTerm) {
            throw new StateWriteRefused(key, term);
        }
    }

    private void write(long term, String key, String kind, String body) {
        try {
            dynamo.putItem(request -> request.tableName(table)
                    .item(Map.of(KEY, AttributeValue.fromS(key), KIND, AttributeValue.fromS(kind),
                            TERM, AttributeValue.fromN(Long.toString(term)), WRITTEN_BY, AttributeValue.fromS(replicaId),
                            BODY, AttributeValue.fromS(body)))
                    .conditionExpression("#term = :term")
                    .expressionAttributeNames(Map.of("#term", TERM))
                    .expressionAttributeValues(Map.of(":term", AttributeValue.fromN(Long.toString(term)))));
        } catch (ConditionalCheckFailedException otherTerm) {
            throw new StateWriteRefused(key, term);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the state table holds an entry this daemon cannot read (" + e.getOriginalMessage()
                    + "); it was written by another version, or by hand", e);
        }
    }

    private static <T> T read(String body, TypeReference<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the state table holds launch intents this daemon cannot read ("
                    + e.getOriginalMessage() + "); they were written by another version, or by hand", e);
        }
    }
}

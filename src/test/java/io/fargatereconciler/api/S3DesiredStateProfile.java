package io.fargatereconciler.api;

import io.fargatereconciler.testing.S3rver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The daemon reading its desired state from {@code s3://desired/prod/} on an s3rver, checking it often. */
public class S3DesiredStateProfile implements QuarkusTestProfile {
    static final String BUCKET = "desired";
    static final String PREFIX = "prod/";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** Starts s3rver with an empty bucket and points {@code reconciler.desired-state.*} at it. */
    public static final class Server implements QuarkusTestResourceLifecycleManager {
        private S3rver s3rver;

        @Override
        public Map<String, String> start() {
            s3rver = S3rver.start();
            s3rver.createBucket(BUCKET);
            // the daemon's S3 client uses the SDK's default credentials chain, which reads these system properties
            System.setProperty("aws.accessKeyId", S3rver.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", S3rver.SECRET_KEY);
            return Map.of(
                    "reconciler.desired-state.path", "s3://" + BUCKET + "/" + PREFIX,
                    "reconciler.desired-state.s3.endpoint-override", s3rver.endpoint().toString(),
                    "reconciler.desired-state.s3.region", S3rver.REGION,
                    "reconciler.desired-state.s3.path-style-access", "true",
                    "reconciler.desired-state.s3.poll-interval", "100ms",
                    "reconciler.desired-state.debounce", "200ms");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(s3rver, new TestInjector.MatchesType(S3rver.class));
        }

        @Override
        public void stop() {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            if (s3rver != null) {
                s3rver.close();
            }
        }
    }
}

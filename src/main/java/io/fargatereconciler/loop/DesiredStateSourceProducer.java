package io.fargatereconciler.loop;

import io.fargatereconciler.aws.S3Clients;
import io.fargatereconciler.aws.SdkS3BucketReader;
import io.fargatereconciler.desired.BucketSource;
import io.fargatereconciler.desired.DesiredStateConfig;
import io.fargatereconciler.desired.DesiredStateSource;
import io.fargatereconciler.desired.FolderSource;
import io.fargatereconciler.desired.S3Location;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Chooses the desired-state source from {@code reconciler.desired-state.path}: an {@code s3://bucket/prefix} URI is
 * read from S3 ({@link BucketSource}), anything else is a folder ({@link FolderSource}).
 */
@ApplicationScoped
public class DesiredStateSourceProducer {
    private S3Client s3;

    @Produces
    @Singleton
    DesiredStateSource desiredStateSource(DesiredStateConfig config) {
        Optional<S3Location> bucket;
        try {
            bucket = S3Location.parse(config.path());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("reconciler.desired-state.path: " + e.getMessage(), e);
        }
        if (bucket.isEmpty()) {
            return new FolderSource(Path.of(config.path()), config.loadSettings());
        }
        s3 = S3Clients.create(config.s3());
        return new BucketSource(bucket.get(), new SdkS3BucketReader(s3), config.loadSettings());
    }

    @PreDestroy
    void closeS3Client() {
        if (s3 != null) {
            s3.close();
        }
    }
}

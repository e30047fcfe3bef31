package io.fargatereconciler.aws;

import io.fargatereconciler.desired.BucketReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link BucketReader} on the SDK's {@link S3Client}: ListObjectsV2 (paginated) and GetObject, nothing else. */
public final class SdkS3BucketReader implements BucketReader {
    private final S3Client s3;

    public SdkS3BucketReader(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Stream<BucketObject> list(String bucket, String prefix) {
        Iterator<S3Object> objects;
        try {
            objects = s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().iterator();
        } catch (SdkException e) {
            throw failure(e);
        }
        Iterator<BucketObject> translated = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return objects.hasNext();
                } catch (SdkException e) {
                    throw failure(e);
                }
            }

            @Override
            public BucketObject next() {
                try {
                    S3Object object = objects.next();
                    return new BucketObject(object.key(), object.eTag(), object.size());
                } catch (SdkException e) {
                    throw failure(e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(translated, Spliterator.ORDERED), false);
    }

    @Override
    public BucketObjectContent get(String bucket, String key, int maxBytes) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request -> request.bucket(bucket).key(key))) {
            byte[] bytes = readAtMost(in, maxBytes + 1);
            return new BucketObjectContent(in.response().eTag(), bytes);
        } catch (SdkException e) {
            throw failure(e);
        } catch (IOException | UncheckedIOException e) {
            throw new BucketReadFailure("reading the object failed: " + e.getMessage(), e);
        }
    }

    private static byte[] readAtMost(ResponseInputStream<GetObjectResponse> in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit);
        if (bytes.length == limit) {
            in.abort();
        }
        return bytes;
    }

    private static BucketReadFailure failure(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return new BucketReadFailure("S3 answered " + service.statusCode() + " "
                    + service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage(), e);
        }
        if (e instanceof SdkClientException) {
            return new BucketReadFailure("S3 could not be reached: " + e.getMessage(), e);
        }
        return new BucketReadFailure("S3 call failed: " + e.getMessage(), e);
    }
}

package io.fargatereconciler.desired;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * Read-only access to an S3 bucket (or an S3-compatible store), as {@link BucketSource} needs it: list a prefix
 * and get one object. The SDK implementation is {@code aws.SdkS3BucketReader}; it translates and decides nothing.
 */
public interface BucketReader {
    /**
     * The objects under {@code prefix}, in key order, fetched page by page as the stream is consumed (ListObjectsV2).
     *
     * @throws BucketReadFailure when the bucket cannot be listed, also from the stream while it is consumed
     */
    Stream<BucketObject> list(String bucket, String prefix);

    /**
     * One object's content (GetObject): at most {@code maxBytes + 1} bytes are read, so an object over the limit
     * is seen as such without reading it whole.
     *
     * @throws BucketReadFailure when the object cannot be read
     */
    BucketObjectContent get(String bucket, String key, int maxBytes);

    /** One listed object: its key, its ETag (changes with every new content) and its size in bytes. */
    record BucketObject(String key, String etag, long size) {
        public BucketObject {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(etag, "etag");
        }
    }

    /** What GetObject returned: the ETag of the content read and the bytes (at most the limit asked for, plus one). */
    record BucketObjectContent(String etag, byte[] bytes) {
        public BucketObjectContent {
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * S3 could not be reached or refused the call. {@code reason} is stable across attempts (no request ids), so
     * an outage that lasts looks the same at every poll: "S3 answered 403 AccessDenied: Access Denied".
     */
    final class BucketReadFailure extends RuntimeException {
        private final String reason;

        public BucketReadFailure(String reason, Throwable cause) {
            super(reason, cause);
            this.reason = Objects.requireNonNull(reason, "reason");
        }

        public String reason() {
            return reason;
        }
    }
}

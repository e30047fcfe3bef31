package io.fargatereconciler.desired;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A desired-state source in S3, written {@code s3://bucket/prefix}. The prefix is a folder: {@code s3://b/desired}
 * reads keys under {@code desired/} (never {@code desired-old/}); an empty prefix reads the whole bucket.
 */
public record S3Location(String bucket, String prefix) {
    private static final String SCHEME = "s3://";
    /** S3 bucket names: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public S3Location {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("'" + bucket + "' is not an S3 bucket name (3-63 lowercase letters,"
                    + " digits, dots and hyphens)");
        }
        if (prefix == null || prefix.startsWith("/") || !(prefix.isEmpty() || prefix.endsWith("/"))) {
            throw new IllegalArgumentException("the key prefix must be empty or end with '/', and not start with"
                    + " '/'; got '" + prefix + "'");
        }
    }

    /** True for a path written as an S3 URI, which {@link #parse} must then accept. */
    public static boolean isS3(String path) {
        return path.startsWith(SCHEME);
    }

    /**
     * Reads {@code s3://bucket/prefix}; empty when {@code path} is not an S3 URI (it is then a folder).
     *
     * @throws IllegalArgumentException saying what is wrong when the URI is malformed
     */
    public static Optional<S3Location> parse(String path) {
        if (!isS3(path)) {
            return Optional.empty();
        }
        String rest = path.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        try {
            return Optional.of(new S3Location(bucket, prefix));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " is not a usable s3://bucket/prefix URI: " + e.getMessage(), e);
        }
    }

    /** How messages name an object: {@code s3://bucket/key}. */
    public String uriOf(String key) {
        return SCHEME + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return uriOf(prefix);
    }
}

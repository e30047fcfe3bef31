package io.fargatereconciler.desired;

import io.fargatereconciler.desired.BucketReader.BucketObject;
import io.fargatereconciler.desired.BucketReader.BucketObjectContent;
import io.fargatereconciler.desired.BucketReader.BucketReadFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The desired state as the YAML objects under an S3 prefix, read-only. The listing (ListObjectsV2) is the
 * fingerprint: key, ETag and size of each object, so a poll costs one list call per 1000 objects. A read gets
 * (GetObject) only the objects whose ETag differs from the copy it holds; the others come from that copy. The
 * listing is the whole set: an object deleted from the prefix is dropped from the next snapshot. Which keys count
 * follows the folder rules: names ending in {@code .yaml} or {@code .yml}, no path segment starting with '.'.
 */
public final class BucketSource implements DesiredStateSource {
    private final S3Location location;
    private final BucketReader reader;
    private final LoadSettings settings;
    private final Map<String, BucketObjectContent> copies = new HashMap<>();

    public BucketSource(S3Location location, BucketReader reader, LoadSettings settings) {
        this.location = location;
        this.reader = reader;
        this.settings = settings;
    }

    @Override
    public String location() {
        return location.toString();
    }

    @Override
    public SourceFingerprint fingerprint() {
        return list().fingerprint();
    }

    @Override
    public SourceSnapshot read() {
        Listing listing = list();
        List<ValidationError> errors = new ArrayList<>();
        List<SourceDocument> documents = new ArrayList<>();
        if (listing.failure() != null) {
            errors.add(ValidationError.ofPath(location(), "cannot be listed (" + listing.failure() + "); the last"
                    + " good desired state stays in force. Check that the bucket exists, that the S3 endpoint is"
                    + " reachable and that the task role may s3:ListBucket on it"));
        } else if (listing.objects().size() > settings.maxFiles()) {
            errors.add(SourceLimits.tooMany(location(), settings.maxFiles()));
        } else {
            for (BucketObject object : listing.objects()) {
                readObject(object, documents, errors);
            }
            Set<String> listed = new HashSet<>();
            listing.objects().forEach(object -> listed.add(object.key()));
            copies.keySet().retainAll(listed);
        }
        return new SourceSnapshot(location(), listing.fingerprint(), documents, errors, listing.objects().size());
    }

    private void readObject(BucketObject object, List<SourceDocument> documents, List<ValidationError> errors) {
        String uri = location.uriOf(object.key());
        if (object.size() > settings.maxFileBytes()) {
            errors.add(SourceLimits.tooLarge(uri, object.size(), settings.maxFileBytes()));
            return;
        }
        BucketObjectContent copy = copies.get(object.key());
        if (copy == null || !copy.etag().equals(object.etag())) {
            try {
                copy = reader.get(location.bucket(), object.key(), settings.maxFileBytes());
            } catch (BucketReadFailure e) {
                errors.add(ValidationError.ofPath(uri, "cannot be read (" + e.reason() + "); check that the task"
                        + " role may s3:GetObject on it"));
                return;
            }
            if (copy.bytes().length > settings.maxFileBytes()) {
                errors.add(SourceLimits.tooLarge(uri, copy.bytes().length, settings.maxFileBytes()));
                return;
            }
            copies.put(object.key(), copy);
        }
        documents.add(new SourceDocument(object.key().substring(location.prefix().length()), uri, copy.bytes()));
    }

    /** Lists the desired-state objects, stopping one past the file limit so a huge prefix is never listed whole. */
    private Listing list() {
        List<BucketObject> objects = new ArrayList<>();
        try {
            reader.list(location.bucket(), location.prefix())
                    .filter(object -> isDesiredStateKey(object.key().substring(location.prefix().length())))
                    .limit(settings.maxFiles() + 1L)
                    .forEach(objects::add);
            return new Listing(objects, null);
        } catch (BucketReadFailure e) {
            return new Listing(List.of(), e.reason());
        }
    }

    static boolean isDesiredStateKey(String relativeKey) {
        if (!(relativeKey.endsWith(".yaml") || relativeKey.endsWith(".yml"))) {
            return false;
        }
        for (String segment : relativeKey.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private record Listing(List<BucketObject> objects, String failure) {
        SourceFingerprint fingerprint() {
            if (failure != null) {
                return new SourceFingerprint(List.of("cannot be listed: " + failure));
            }
            return new SourceFingerprint(objects.stream()
                    .map(object -> object.key() + " " + object.etag() + " " + object.size()).toList());
        }
    }
}

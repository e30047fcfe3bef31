package io.fargatereconciler.desired;

/** The errors every source gives when a document or the whole source is over the limits of {@link LoadSettings}. */
final class SourceLimits {
    private SourceLimits() {
    }

    static ValidationError tooLarge(String displayPath, long size, int maxBytes) {
        return ValidationError.ofPath(displayPath, "is " + size + " bytes, over the limit of " + maxBytes
                + " bytes (reconciler.desired-state.max-file-bytes); split it into smaller files");
    }

    static ValidationError tooMany(String location, int maxFiles) {
        return ValidationError.ofPath(location, "holds more than " + maxFiles + " desired-state files, over the limit"
                + " (reconciler.desired-state.max-files); none were read. Merge files or raise the limit");
    }
}

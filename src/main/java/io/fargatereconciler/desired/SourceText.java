package io.fargatereconciler.desired;

/** A desired-state file read as text, or the reason it was refused. */
sealed interface SourceText {
    record Readable(String text) implements SourceText {
    }

    record Refused(ValidationError error) implements SourceText {
    }
}

package io.fargatereconciler.desired;

import io.fargatereconciler.desired.mapping.MappedDocument;
import java.util.List;

/**
 * One desired-state file as read and mapped: its path inside the source and as messages name it, its text (null
 * when the file was refused before parsing), its errors and the documents it declares.
 */
record FileRead(String relativePath, String displayPath, String text, List<ValidationError> errors,
                List<MappedDocument> documents) {
    FileRead {
        errors = List.copyOf(errors);
        documents = List.copyOf(documents);
    }
}

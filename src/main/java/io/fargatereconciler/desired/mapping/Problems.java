package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.ValidationError;
import io.fargatereconciler.desired.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** Collects the validation errors of one file, naming it as the user would open it. */
public final class Problems {
    private final String file;
    private final List<ValidationError> errors = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(YamlNode at, String field, String message) {
        add(at.line(), at.column(), field, message);
    }

    public void add(int line, int column, String field, String message) {
        errors.add(new ValidationError(file, line, column, field, message));
    }

    /** A mark to compare with {@link #noneSince(int)}: did the part read after it have errors? */
    public int mark() {
        return errors.size();
    }

    public boolean noneSince(int mark) {
        return errors.size() == mark;
    }

    public List<ValidationError> list() {
        return List.copyOf(errors);
    }
}

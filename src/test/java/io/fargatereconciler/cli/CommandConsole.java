package io.fargatereconciler.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** Runs the application's commands as {@code Main} does, keeping what they print on stdout and stderr. */
final class CommandConsole {
    private final InstantSource clock;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    CommandConsole() {
        this(InstantSource.system());
    }

    /** Commands that plan at {@code clock}'s now. */
    CommandConsole(InstantSource clock) {
        this.clock = clock;
    }

    /** Runs {@code command} with {@code args} after what earlier runs printed was forgotten; returns the exit status. */
    int run(String command, List<String> args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> line = new ArrayList<>();
        line.add(command);
        line.addAll(args);
        return ReconcilerCommandLine.run(ReconcilerCommandLine.create(clock), line, new PrintWriter(out),
                new PrintWriter(err));
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}

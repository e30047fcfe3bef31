package io.fargatereconciler;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. Without arguments it runs the daemon; subcommands that need no daemon run as plain
 * Java, before Quarkus starts, so they open no port and start in milliseconds.
 */
@QuarkusMain
public final class Main {
    private Main() {
    }

    public static void main(String... args) {
        Quarkus.run(args);
    }
}

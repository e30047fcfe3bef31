package io.fargatereconciler;

import io.fargatereconciler.cli.PlanCommand;
import io.fargatereconciler.cli.PolicyCommand;
import io.fargatereconciler.cli.ValidateCommand;
import io.fargatereconciler.sim.SimulateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * Entry point. Without arguments it runs the daemon; subcommands that need no daemon run as plain
 * Java, before Quarkus starts, so they open no port and start in milliseconds.
 */
@QuarkusMain
public final class Main {
    private Main() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("validate")) {
            System.exit(ValidateCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("policy")) {
            System.exit(PolicyCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("plan")) {
            System.exit(PlanCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("simulate")) {
            int exitCode = SimulateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            if (exitCode != 0) {
                System.exit(exitCode);
            }
            return;
        }
        Quarkus.run(args);
    }
}

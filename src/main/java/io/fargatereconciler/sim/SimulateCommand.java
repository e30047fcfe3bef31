package io.fargatereconciler.sim;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code simulate [--port 4566] [--host 127.0.0.1] [--config sim.yaml]}: runs the Fargate simulator on real time
 * until the process is stopped. Dispatched by {@code Main} before Quarkus starts, so nothing else opens a port.
 */
public final class SimulateCommand {
    static final String USAGE = """
            Usage: simulate [--port PORT] [--host ADDRESS] [--config FILE]

            Runs a simulated ECS-on-Fargate account (with EC2 subnets/ENIs and SNS) that the AWS SDKs and CLI talk to
            with an endpoint override, until stopped with Ctrl-C.

              --port PORT      port to listen on (default 4566; 0 takes any free port)
              --host ADDRESS   address to listen on (default 127.0.0.1; the admin API has no authentication)
              --config FILE    simulator YAML: clusters, task definitions, subnets, faults (see docs/simulator.md);
                               without it the account starts empty and accepts CreateCluster and
                               RegisterTaskDefinition like ECS. The bundled demo world is
                               src/main/resources/simulator/dev.yaml.
              --help           this text

            Example:
              aws ecs list-clusters --endpoint-url http://127.0.0.1:4566 --region us-east-1
            """;

    private SimulateCommand() {
    }

    /** Runs until the JVM shuts down; returns a process exit code (2 for bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        FargateSimulator simulator;
        try {
            simulator = start(args, out);
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            err.println("Run 'simulate --help' for usage.");
            return 2;
        }
        if (simulator == null) {
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulate-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Parses the arguments and starts the simulator; null when only help was asked for. */
    static FargateSimulator start(String[] args, PrintStream out) {
        int port = 4566;
        String host = "127.0.0.1";
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--host" -> host = value(args, ++i, "--host");
                case "--config" -> config = Path.of(value(args, ++i, "--config"));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (config != null && !Files.isRegularFile(config)) {
            throw new IllegalArgumentException("--config " + config + ": no such file");
        }
        SimulatorConfig simulatorConfig = config == null ? SimulatorConfig.empty() : SimulatorConfig.load(config);
        FargateSimulator simulator = FargateSimulator.builder().port(port).host(host).config(simulatorConfig).start();
        out.println("Fargate simulator listening on " + simulator.endpoint() + " (region " + simulatorConfig.region()
                + ", account " + simulatorConfig.accountId() + ")");
        out.println("  ECS, EC2 and SNS: --endpoint-url " + simulator.endpoint() + "   admin API: "
                + simulator.endpoint() + "/_sim/");
        out.println("  clusters: " + simulatorConfig.clusters() + "  task definitions: "
                + simulatorConfig.taskDefinitions().stream().map(TaskDefinitionSeed::family).toList()
                + "  subnets: " + simulatorConfig.subnets().stream().map(SubnetSeed::id).toList());
        return simulator;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException(text);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number 0..65535, was '" + text + "'");
        }
    }
}

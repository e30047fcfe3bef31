package io.fargatereconciler.sim;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulate [--port 4566] [--host 127.0.0.1] [--config sim.yaml]}: runs the Fargate simulator on real time
 * until the process is stopped. Run by {@code Main} before Quarkus starts, so nothing else opens a port.
 */
@Command(name = "simulate", sortOptions = false, sortSynopsis = false,
        description = {"Runs a simulated ECS-on-Fargate account (with EC2 subnets/ENIs, SNS and IAM) that the AWS SDKs"
                + " and CLI talk to with an endpoint override, until stopped with Ctrl-C."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped (or help shown)", "2:usage error, or a configuration it cannot read"},
        footer = {"%nExample:", "  aws ecs list-clusters --endpoint-url http://127.0.0.1:4566 --region us-east-1"})
public final class SimulateCommand implements Callable<Integer> {
    static final int USAGE_ERROR = 2;

    @Spec
    private CommandSpec command;
    private int port = 4566;
    private Path config;

    @Option(names = "--host", order = 2, paramLabel = "ADDRESS",
            description = "address to listen on (default ${DEFAULT-VALUE}; the admin API has no authentication)")
    private String host = "127.0.0.1";
    @Option(names = {"-h", "--help"}, usageHelp = true, order = 99, description = "show this help and exit")
    private boolean help;

    @Option(names = "--port", order = 1, paramLabel = "PORT", description = "port to listen on (default 4566; 0 takes any free port)")
    void port(String number) {
        try {
            port = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65_535) {
            throw new ParameterException(command.commandLine(), "--port must be a number 0..65535, not " + number);
        }
    }

    @Option(names = "--config", order = 3, paramLabel = "FILE", description = {"simulator YAML: clusters, task definitions, subnets,"
            + " faults (see docs/simulator.md); without it the account starts empty and accepts CreateCluster and"
            + " RegisterTaskDefinition like ECS. The bundled demo world is src/main/resources/simulator/dev.yaml."})
    void config(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(command.commandLine(), "--config " + file + ": no such file");
        }
        config = file;
    }

    /** Runs until the JVM shuts down. */
    @Override
    public Integer call() {
        FargateSimulator simulator;
        try {
            simulator = start();
        } catch (IllegalArgumentException unreadableConfig) {
            command.commandLine().getErr().println("simulate: " + unreadableConfig.getMessage());
            return USAGE_ERROR;
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

    /** Starts the simulator the options describe and prints where it listens. */
    FargateSimulator start() {
        SimulatorConfig simulatorConfig = config == null ? SimulatorConfig.empty() : SimulatorConfig.load(config);
        FargateSimulator simulator = FargateSimulator.builder().port(port).host(host).config(simulatorConfig).start();
        PrintWriter out = command.commandLine().getOut();
        out.println("Fargate simulator listening on " + simulator.endpoint() + " (region " + simulatorConfig.region()
                + ", account " + simulatorConfig.accountId() + ")");
        out.println("  ECS, EC2 and SNS: --endpoint-url " + simulator.endpoint() + "   admin API: "
                + simulator.endpoint() + "/_sim/");
        out.println("  clusters: " + simulatorConfig.clusters() + "  task definitions: "
                + simulatorConfig.taskDefinitions().stream().map(TaskDefinitionSeed::family).toList()
                + "  subnets: " + simulatorConfig.subnets().stream().map(SubnetSeed::id).toList());
        out.flush();
        return simulator;
    }
}

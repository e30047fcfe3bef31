package io.fargatereconciler.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help}: picocli prints the generated usage on stdout, runs nothing and exits 0. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, order = 99, description = "show this help and exit")
    private boolean requested;
}

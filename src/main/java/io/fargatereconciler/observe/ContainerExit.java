package io.fargatereconciler.observe;

/** A container's state in a described task; {@code exitCode} is null until it exits. */
public record ContainerExit(String name, boolean essential, Integer exitCode, String reason) {
}

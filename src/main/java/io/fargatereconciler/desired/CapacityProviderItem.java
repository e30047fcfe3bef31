package io.fargatereconciler.desired;

/** One entry of a capacity provider strategy: FARGATE or FARGATE_SPOT with a weight and a base. */
public record CapacityProviderItem(String capacityProvider, int weight, int base) {
    public CapacityProviderItem {
        if (capacityProvider == null || capacityProvider.isBlank()) {
            throw new IllegalArgumentException("capacityProvider must not be blank");
        }
        if (weight < 0 || weight > 1000 || base < 0 || base > 100000) {
            throw new IllegalArgumentException("weight must be 0..1000 and base 0..100000");
        }
    }
}

package io.fargatereconciler.sim;

/** An IPv4 CIDR block; AWS reserves the first four and the last address of every subnet. */
public record Ipv4Cidr(int base, int prefixLength) {
    private static final int AWS_RESERVED_AT_START = 4;

    public Ipv4Cidr {
        if (prefixLength < 16 || prefixLength > 28) {
            throw new IllegalArgumentException("a subnet CIDR prefix must be /16../28 as in AWS, was /" + prefixLength);
        }
    }

    public static Ipv4Cidr parse(String text) {
        String[] parts = text.split("/");
        String[] octets = parts[0].split("\\.");
        if (parts.length != 2 || octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 CIDR such as 10.0.1.0/24: '" + text + "'");
        }
        try {
            int address = 0;
            for (String octet : octets) {
                int value = Integer.parseInt(octet);
                if (value < 0 || value > 255) {
                    throw new NumberFormatException(octet);
                }
                address = (address << 8) | value;
            }
            int prefix = Integer.parseInt(parts[1]);
            int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
            return new Ipv4Cidr(address & mask, prefix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IPv4 CIDR such as 10.0.1.0/24: '" + text + "'", e);
        }
    }

    public int size() {
        return 1 << (32 - prefixLength);
    }

    public int usableAddresses() {
        return size() - AWS_RESERVED_AT_START - 1;
    }

    /** The {@code index}-th usable address (0-based), as dotted text. */
    public String usableAddress(int index) {
        if (index < 0 || index >= usableAddresses()) {
            throw new IllegalArgumentException("address index " + index + " outside " + this);
        }
        int address = base + AWS_RESERVED_AT_START + index;
        return ((address >>> 24) & 255) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "."
                + (address & 255);
    }

    @Override
    public String toString() {
        return ((base >>> 24) & 255) + "." + ((base >>> 16) & 255) + "." + ((base >>> 8) & 255) + "." + (base & 255)
                + "/" + prefixLength;
    }
}

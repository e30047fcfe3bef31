package io.fargatereconciler.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** The value of an {@code --endpoint-url} option: a URL with a scheme and a host. */
final class EndpointUrl {
    private EndpointUrl() {
    }

    /** The URL, or empty when {@code value} is not one (the caller says what it wanted). */
    static Optional<URI> parse(String value) {
        try {
            URI url = new URI(value);
            return url.getScheme() == null || url.getHost() == null ? Optional.empty() : Optional.of(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}

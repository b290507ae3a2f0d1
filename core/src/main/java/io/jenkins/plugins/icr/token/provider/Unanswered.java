package io.jenkins.plugins.icr.token.provider;

import java.io.Serial;

/**
 * A request that may have reached the provider, with no answer back: a timeout or a connection closed after
 * sending. Unlike {@link Unreachable}, nobody can tell whether the provider acted on it. The message names the host,
 * never the token.
 */
final class Unanswered extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    Unanswered(String message) {
        super(message);
    }
}

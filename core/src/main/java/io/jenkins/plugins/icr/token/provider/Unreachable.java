package io.jenkins.plugins.icr.token.provider;

import java.io.Serial;

/** The provider could not be asked: DNS, connect, TLS, timeout. The message names the host, never the token. */
final class Unreachable extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    Unreachable(String message) {
        super(message);
    }
}

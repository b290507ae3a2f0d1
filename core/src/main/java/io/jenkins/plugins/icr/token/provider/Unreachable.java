package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.Text;
import java.io.Serial;

/** The provider could not be asked: DNS, connect, TLS, timeout. The message names the host, never the token. */
final class Unreachable extends TextException {
    @Serial
    private static final long serialVersionUID = 1L;

    Unreachable(Text message) {
        super(message);
    }
}

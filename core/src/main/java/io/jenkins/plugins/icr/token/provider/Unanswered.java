package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.Text;
import java.io.Serial;

/**
 * A request that may have reached the provider, with no answer back: a timeout or a connection closed after
 * sending. Unlike {@link Unreachable}, nobody can tell whether the provider acted on it. The message names the host,
 * never the token.
 */
final class Unanswered extends TextException {
    @Serial
    private static final long serialVersionUID = 1L;

    Unanswered(Text message) {
        super(message);
    }
}

package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.Redactor;
import io.jenkins.plugins.icr.token.Token;
import java.nio.charset.StandardCharsets;
import okhttp3.Request;

/** How a request authenticates (docs/provider-apis.md §1.2, §2.1, §3, §4). The token goes in a header, never in a URL. */
final class Credentials {
    private final String header;
    private final String value;
    private final Redactor redactor;

    private Credentials(String header, String value, Redactor redactor) {
        this.header = header;
        this.value = value;
        this.redactor = redactor;
    }

    static Credentials bearer(Token token) {
        return new Credentials("Authorization", "Bearer " + token.reveal(), Redactor.of(token, null));
    }

    static Credentials privateToken(Token token) {
        return new Credentials("PRIVATE-TOKEN", token.reveal(), Redactor.of(token, null));
    }

    static Credentials basic(String username, Token token) {
        return new Credentials("Authorization", okhttp3.Credentials.basic(username, token.reveal(), StandardCharsets.UTF_8),
                Redactor.of(token, username));
    }

    Request.Builder applyTo(Request.Builder request) {
        return request.header(header, value);
    }

    /** Cleans the answers to requests sent with these credentials of every form they travel in. */
    Redactor redactor() {
        return redactor;
    }

    @Override
    public String toString() {
        return "Credentials[" + header + ": redacted]";
    }
}

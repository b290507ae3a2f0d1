package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.Token;
import java.nio.charset.StandardCharsets;
import okhttp3.Request;

/** How a request authenticates (providers.md §1.2, §2.1, §3, §4). The token goes in a header, never in a URL. */
final class Credentials {
    private final String header;
    private final String value;

    private Credentials(String header, String value) {
        this.header = header;
        this.value = value;
    }

    static Credentials bearer(Token token) {
        return new Credentials("Authorization", "Bearer " + token.reveal());
    }

    static Credentials privateToken(Token token) {
        return new Credentials("PRIVATE-TOKEN", token.reveal());
    }

    static Credentials basic(String username, Token token) {
        return new Credentials("Authorization", okhttp3.Credentials.basic(username, token.reveal(), StandardCharsets.UTF_8));
    }

    Request.Builder applyTo(Request.Builder request) {
        return request.header(header, value);
    }

    @Override
    public String toString() {
        return "Credentials[" + header + ": redacted]";
    }
}

package io.jenkins.plugins.icr.token;

import java.time.LocalDate;
import java.util.List;

/**
 * What became of a renewal. Only three things can be true afterwards, and each asks something different of the
 * caller: the old token is revoked and here is the new one ({@link Rotated}); nothing changed at the provider
 * ({@link NotRotated}); or nobody can tell, because the request may have arrived and no answer came back
 * ({@link Uncertain}). Messages never contain a token.
 */
public sealed interface Rotation permits Rotation.Rotated, Rotation.NotRotated, Rotation.Uncertain {

    Text message();

    /**
     * GitLab revoked the old token and issued this one, with the same scopes.
     *
     * @param expiresOn null when GitLab gave no expiry date
     */
    record Rotated(Token token, LocalDate expiresOn, List<String> scopes) implements Rotation {
        public Rotated {
            scopes = List.copyOf(scopes);
        }

        @Override
        public Text message() {
            return expiresOn == null ? Text.of("rotation.renewed.noExpiry") : Text.of("rotation.renewed", expiresOn.toString());
        }
    }

    /** Nothing changed at the provider: the old token is exactly as it was before. */
    record NotRotated(Reason reason, Text message) implements Rotation {}

    /**
     * The rotation request may have reached GitLab and no answer came back: the old token may be revoked and its
     * replacement lost. Asking GitLab about the old token (a GET, never another rotation) tells which.
     */
    record Uncertain(Text message) implements Rotation {}

    /** Why nothing changed; the command line's exit codes follow the verdict statuses where they mean the same. */
    enum Reason {
        /** Refused before any request: not a GitLab token, a token that can never work, a URL the policy refuses. */
        INVALID_INPUT(2),
        /** GitLab refused the request as asked (for example a lifetime beyond the server's maximum). */
        REFUSED(3),
        /** GitLab refuses the token itself: invalid, expired or revoked. */
        REJECTED(4),
        /** The token may not renew itself: it lacks the api or self_rotate scope, or the account is blocked. */
        NOT_PERMITTED(5),
        /** The rotation request was never sent: network fault, rate limit, server error before it. */
        UNREACHABLE(6),
        /** This server or this kind of token cannot renew itself (GitLab older than 16.10, an OAuth token). */
        UNSUPPORTED(7);

        private final int exitCode;

        Reason(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}

package io.jenkins.plugins.icr.token;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "will this token work for iCR, and if not, how do I fix it". It never holds the token. Fields that
 * a provider did not tell are null: {@code granted} is null when the scopes are unknown (not empty), {@code account},
 * {@code expiresAt} and {@code rateLimitRemaining} when the provider did not say.
 */
public record Verdict(
        Status status,
        Provider provider,
        TokenKind tokenKind,
        String account,
        List<String> granted,
        List<String> required,
        List<String> missing,
        Instant expiresAt,
        Integer rateLimitRemaining,
        List<String> warnings,
        String message,
        Fix fix) {

    public Verdict {
        granted = granted == null ? null : List.copyOf(granted);
        required = List.copyOf(required);
        missing = List.copyOf(missing);
        warnings = List.copyOf(warnings);
    }

    /** A verdict for input refused before any request. */
    public static Verdict invalidInput(Provider provider, TokenKind kind, String message) {
        return new Verdict(Status.INVALID_INPUT, provider, kind, null, null, List.of(), List.of(), null, null,
                List.of(), message, Fix.NONE);
    }
}

package io.jenkins.plugins.icr.token;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "will this token work for iCR, and if not, how do I fix it". It never holds the token. Fields that
 * a provider did not tell are null: {@code granted} is null when the scopes are unknown (not empty), {@code account},
 * {@code expiresAt} when the provider did not say; {@code rateLimit} is {@link RateLimit#UNKNOWN} then.
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
        RateLimit rateLimit,
        List<Text> warnings,
        Text message,
        Fix fix) {

    public Verdict {
        granted = granted == null ? null : List.copyOf(granted);
        required = List.copyOf(required);
        missing = List.copyOf(missing);
        warnings = List.copyOf(warnings);
    }

    /** Requests left in the provider's rate-limit window, or null when it did not say. */
    public Integer rateLimitRemaining() {
        return rateLimit.remaining();
    }

    /** A verdict for input refused before any request. */
    public static Verdict invalidInput(Provider provider, TokenKind kind, Text message) {
        return notAsked(Status.INVALID_INPUT, provider, kind, message);
    }

    /** A verdict reached without asking the provider: refused input, or a check skipped for time or rate limit. */
    public static Verdict notAsked(Status status, Provider provider, TokenKind kind, Text message) {
        return new Verdict(status, provider, kind, null, null, List.of(), List.of(), null, RateLimit.UNKNOWN,
                List.of(), message, Fix.NONE);
    }
}

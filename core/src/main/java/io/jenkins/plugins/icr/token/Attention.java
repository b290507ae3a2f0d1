package io.jenkins.plugins.icr.token;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a token's last verdict needs an administrator before iCR fails on it: rejected, missing scopes, blocked,
 * expiring within the warning window (or expired), or an app password Atlassian has removed. Transient verdicts
 * (rate limit, unreachable) say nothing about the token and raise nothing.
 */
public final class Attention {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Attention() {}

    /** The reasons, in words an admin acts on; empty when the token is fine. */
    public static List<Text> reasons(
            Status status, TokenKind kind, List<String> missing, Instant expiresAt, Instant now, int warnDays) {
        List<Text> reasons = new ArrayList<>();
        switch (status) {
            case REJECTED -> reasons.add(Text.of("attention.rejected"));
            case MISSING_SCOPES -> reasons.add(Text.of("attention.missing", String.join(", ", missing)));
            case FORBIDDEN -> reasons.add(Text.of("attention.forbidden"));
            case INVALID_INPUT -> reasons.add(Text.of("attention.invalid"));
            default -> { }
        }
        if (expiresAt != null) {
            long days = daysLeft(expiresAt, now);
            if (days < 0) {
                reasons.add(Text.of("attention.expired", DAY.format(expiresAt)));
            } else if (days <= warnDays) {
                reasons.add(Text.of("attention.expires", DAY.format(expiresAt), days));
            }
        }
        if (kind == TokenKind.BITBUCKET_APP_PASSWORD) {
            reasons.add(Text.of("attention.appPassword"));
        }
        return reasons;
    }

    /** How a token's row should look: an error when iCR would fail, a warning when something needs doing soon. */
    public static Status.Severity level(Status status, List<Text> reasons) {
        Status.Severity severity = status.severity();
        return severity == Status.Severity.OK && !reasons.isEmpty() ? Status.Severity.WARNING : severity;
    }

    /** Whole days until expiry, negative once expired. */
    public static long daysLeft(Instant expiresAt, Instant now) {
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? -1 - Duration.between(expiresAt, now).toDays() : left.toDays();
    }
}

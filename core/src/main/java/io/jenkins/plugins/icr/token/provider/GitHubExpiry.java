package io.jenkins.plugins.icr.token.provider;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses {@code github-authentication-token-expiration}. GitHub does not document the format; clients have seen
 * {@code 2027-10-12 09:00:00 UTC} and {@code 2027-03-31 00:00:00 +0900}, so both are accepted (docs/provider-apis.md §1.6).
 */
final class GitHubExpiry {
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    private GitHubExpiry() {}

    /** The instant, or null when the value is in neither format. */
    static Instant parse(String value) {
        String text = value.strip().replaceFirst(" UTC$", " +0000");
        try {
            return OffsetDateTime.parse(text, OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

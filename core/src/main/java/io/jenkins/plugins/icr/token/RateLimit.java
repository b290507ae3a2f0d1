package io.jenkins.plugins.icr.token;

import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/**
 * What a provider said of its rate limit: GitHub and Bitbucket send {@code x-ratelimit-*} (docs/provider-apis.md §1.7),
 * GitLab {@code RateLimit-*}; a 429 may carry {@code Retry-After} in seconds.
 */
public record RateLimit(Integer remaining, Instant reset) {
    public static final RateLimit UNKNOWN = new RateLimit(null, null);

    public static RateLimit from(Headers headers, Instant now) {
        Integer remaining = integer(headers, "x-ratelimit-remaining", "ratelimit-remaining");
        Integer reset = integer(headers, "x-ratelimit-reset", "ratelimit-reset");
        Integer retryAfter = integer(headers, "retry-after");
        Instant resetAt = retryAfter != null ? now.plusSeconds(retryAfter)
                : reset != null ? Instant.ofEpochSecond(reset) : null;
        return new RateLimit(remaining, resetAt);
    }

    public boolean exhausted() {
        return remaining != null && remaining == 0;
    }

    public Optional<Instant> resetTime() {
        return Optional.ofNullable(reset);
    }

    private static Integer integer(Headers headers, String... names) {
        for (String name : names) {
            String value = headers.get(name);
            if (value != null) {
                try {
                    return Integer.valueOf(value.strip());
                } catch (NumberFormatException e) {
                    // An HTTP date in Retry-After, or garbage: not worth a verdict; look at the next header.
                }
            }
        }
        return null;
    }
}

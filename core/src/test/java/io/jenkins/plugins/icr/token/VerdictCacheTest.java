package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictCacheTest {
    private static final Verdict VALID = new Verdict(Status.VALID, Provider.GITHUB, TokenKind.GITHUB_CLASSIC, "octocat",
            List.of(), List.of(), List.of(), null, RateLimit.UNKNOWN, List.of(), "ok", Fix.NONE);

    /** A clock that moves one millisecond per reading, so entries have distinct ages. */
    private static final class Ticking extends Clock {
        private long millis = Instant.parse("2026-11-30T00:00:00Z").toEpochMilli();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return Instant.ofEpochMilli(millis++);
        }
    }

    @Test
    void atCapacityTheOldestTenthGoesAndTheNewestStays() {
        VerdictCache cache = new VerdictCache(Duration.ofHours(1), new Ticking(), 100);
        for (int i = 0; i < 250; i++) {
            cache.put("token-" + i, VALID);
        }
        assertTrue(cache.size() <= 100, "size " + cache.size());
        assertTrue(cache.size() >= 90, "size " + cache.size());
        assertTrue(cache.get("token-249").isPresent(), "the newest entry is kept");
        assertTrue(cache.get("token-0").isEmpty(), "the oldest entry is gone");
    }

    @Test
    void transientFaultsAndAZeroWindowAreNeverKept() {
        VerdictCache cache = new VerdictCache(Duration.ofHours(1), new Ticking(), 100);
        cache.put("down", Verdict.notAsked(Status.UNREACHABLE, Provider.GITHUB, TokenKind.UNKNOWN, "down"));
        cache.put("slow", Verdict.notAsked(Status.RATE_LIMITED, Provider.GITHUB, TokenKind.UNKNOWN, "slow"));
        assertEquals(0, cache.size());
        VerdictCache off = new VerdictCache(Duration.ZERO, new Ticking(), 100);
        off.put("any", VALID);
        assertEquals(0, off.size());
    }
}

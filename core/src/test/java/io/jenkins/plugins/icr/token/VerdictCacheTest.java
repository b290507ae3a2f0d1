package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictCacheTest {
    private static final Verdict VALID = new Verdict(Status.VALID, Provider.GITHUB, TokenKind.GITHUB_CLASSIC, "octocat",
            List.of(), List.of(), List.of(), null, RateLimit.UNKNOWN, List.of(), Text.verbatim("ok"), Fix.NONE);

    @Test
    void atCapacityTheOldestTenthGoesAndTheNewestStays() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-30T00:00:00Z"));
        VerdictCache cache = new VerdictCache(Duration.ofHours(1), clock, 100);
        for (int i = 0; i < 250; i++) {
            cache.put("token-" + i, VALID);
            clock.advance(Duration.ofMillis(1));
        }
        assertTrue(cache.size() <= 100, "size " + cache.size());
        assertTrue(cache.size() >= 90, "size " + cache.size());
        assertTrue(cache.get("token-249").isPresent(), "the newest entry is kept");
        assertTrue(cache.get("token-0").isEmpty(), "the oldest entry is gone");
    }

    @Test
    void transientFaultsAndAZeroWindowAreNeverKept() {
        VerdictCache cache = new VerdictCache(Duration.ofHours(1), Clock.systemUTC(), 100);
        cache.put("down", Verdict.notAsked(Status.UNREACHABLE, Provider.GITHUB, TokenKind.UNKNOWN, Text.verbatim("down")));
        cache.put("slow", Verdict.notAsked(Status.RATE_LIMITED, Provider.GITHUB, TokenKind.UNKNOWN, Text.verbatim("slow")));
        assertEquals(0, cache.size());
        VerdictCache off = new VerdictCache(Duration.ZERO, Clock.systemUTC(), 100);
        off.put("any", VALID);
        assertEquals(0, off.size());
    }

    @Test
    void expiredEntriesGoFirstAndClearForgetsAll() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-30T00:00:00Z"));
        VerdictCache cache = new VerdictCache(Duration.ofMinutes(1), clock, 10);
        for (int i = 0; i < 10; i++) {
            cache.put("old-" + i, VALID);
        }
        clock.advance(Duration.ofMinutes(2));
        cache.put("new", VALID);
        assertEquals(1, cache.size(), "the expired entries made room, nothing else went");
        cache.clear();
        assertTrue(cache.get("new").isEmpty());
    }
}

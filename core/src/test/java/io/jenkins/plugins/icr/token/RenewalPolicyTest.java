package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RenewalPolicyTest {
    private static final Instant NOW = ProviderServer.NOW;

    @Test
    void dueFromTheGivenNumberOfDaysBeforeExpiry() {
        RenewalPolicy policy = new RenewalPolicy(7, RenewalPolicy.SAME_LIFETIME);

        assertFalse(policy.isDue(NOW.plus(Duration.ofDays(8)), NOW));
        assertTrue(policy.isDue(NOW.plus(Duration.ofDays(7)), NOW));
        assertTrue(policy.isDue(NOW.minus(Duration.ofDays(1)), NOW), "an expired token is due (and will be refused)");
        assertFalse(policy.isDue(null, NOW), "a token that does not expire never is");
    }

    @Test
    void sameLifetimeAsksForNone() {
        assertNull(new RenewalPolicy(7, RenewalPolicy.SAME_LIFETIME).requestedLifetime());
        assertEquals(90, new RenewalPolicy(7, 90).requestedLifetime());
    }

    @Test
    void aLifetimeInsideTheWindowIsRefusedBecauseEveryRenewalWouldBeDueAtOnce() {
        assertEquals(Status.Severity.ERROR, RenewalPolicy.check(7, 7).severity());
        assertEquals(Status.Severity.ERROR, RenewalPolicy.check(0, 30).severity());
        assertEquals(Status.Severity.ERROR, RenewalPolicy.check(7, 401).severity());
        assertEquals(Status.Severity.WARNING, RenewalPolicy.check(7, 400).severity());
        assertEquals(Status.Severity.OK, RenewalPolicy.check(7, 8).severity());
        assertEquals(Status.Severity.OK, RenewalPolicy.check(30, RenewalPolicy.SAME_LIFETIME).severity());
        assertThrows(IllegalArgumentException.class, () -> new RenewalPolicy(0, 30));
    }
}

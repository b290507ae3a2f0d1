package io.jenkins.plugins.icr.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers verdicts briefly, so that a form that re-checks on every change does not hammer the provider. Keys
 * hold a SHA-256 of the token, never the token. Transient faults are never remembered. Written here rather than
 * taken from a cache library because the plugin would have to bundle that library, for forty lines.
 */
public final class VerdictCache {
    /** Far above what one Jenkins holds; past it, expired entries go first, then everything. */
    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public VerdictCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Optional<Verdict> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAtMillis() <= clock.millis()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.verdict());
    }

    void put(String key, Verdict verdict) {
        if (verdict.status().transientFault() || ttl.isZero()) {
            return;
        }
        long now = clock.millis();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> e.expiresAtMillis() <= now);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(verdict, now + ttl.toMillis()));
    }

    public int size() {
        return entries.size();
    }

    /** Forgets every verdict, e.g. after an admin changed a credential. */
    public void clear() {
        entries.clear();
    }

    private record Entry(Verdict verdict, long expiresAtMillis) {}
}

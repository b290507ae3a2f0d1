package io.jenkins.plugins.icr.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers verdicts briefly, so that a form that re-checks on every change does not hammer the provider. Keys
 * hold a SHA-256 of the token, never the token. Transient faults are never remembered. Written here rather than
 * taken from a cache library because the plugin would have to bundle that library, for forty lines.
 */
public final class VerdictCache {
    /** Far above the tokens one Jenkins holds; past it, expired entries go first, then the oldest tenth. */
    static final int DEFAULT_CAPACITY = 20_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final int capacity;

    public VerdictCache(Duration ttl, Clock clock) {
        this(ttl, clock, DEFAULT_CAPACITY);
    }

    VerdictCache(Duration ttl, Clock clock, int capacity) {
        this.ttl = ttl;
        this.clock = clock;
        this.capacity = capacity;
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
        if (entries.size() >= capacity) {
            evict(now);
        }
        entries.put(key, new Entry(verdict, now + ttl.toMillis()));
    }

    private synchronized void evict(long now) {
        entries.values().removeIf(e -> e.expiresAtMillis() <= now);
        int excess = entries.size() - capacity + Math.max(1, capacity / 10);
        if (excess > 0) {
            entries.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(Comparator.comparingLong(Entry::expiresAtMillis)))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(entries::remove);
        }
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

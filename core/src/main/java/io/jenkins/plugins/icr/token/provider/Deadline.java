package io.jenkins.plugins.icr.token.provider;

import java.time.Duration;

/** The end of the time a whole verification may take; each request gets what is left of it. */
record Deadline(long endNanos, Duration bound) {
    static Deadline after(Duration bound) {
        return new Deadline(System.nanoTime() + bound.toNanos(), bound);
    }

    long remainingNanos() {
        return endNanos - System.nanoTime();
    }
}

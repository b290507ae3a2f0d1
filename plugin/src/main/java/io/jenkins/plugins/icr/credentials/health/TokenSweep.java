package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Re-verifies every iCR VCS token periodically (HealthSettings: every 24 hours by default), and at once when an
 * administrator asks. It wakes hourly and sweeps when one is due, so a changed period applies without a restart.
 * Never two sweeps at once: AsyncPeriodicWork skips a run while its thread lives, and the flag closes the gap
 * between a timer tick and a click at the same instant.
 */
@Extension
public final class TokenSweep extends AsyncPeriodicWork {
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile Instant lastSweep = Instant.EPOCH;

    public TokenSweep() {
        super("iCR VCS token sweep");
    }

    @NonNull
    public static TokenSweep get() {
        return ExtensionList.lookupSingleton(TokenSweep.class);
    }

    /** Starts a sweep now, in the background; a sweep already running makes this a no-op. */
    public void sweepNow() {
        requested.set(true);
        run();
    }

    public boolean isRunning() {
        return running.get();
    }

    @Override
    public long getRecurrencePeriod() {
        return HOUR;
    }

    /** Not while Jenkins is still starting up and loading its items. */
    @Override
    public long getInitialDelay() {
        return 15 * MIN;
    }

    @Override
    protected void execute(TaskListener listener) throws InterruptedException {
        boolean due = Duration.between(lastSweep, Instant.now()).toHours()
                >= HealthSettings.get().getSweepHours();
        if (!(requested.getAndSet(false) || due) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            Sweeper.sweep(listener);
            lastSweep = Instant.now();
        } finally {
            running.set(false);
        }
    }
}

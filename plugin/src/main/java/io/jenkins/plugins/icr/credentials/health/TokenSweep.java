package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Re-verifies every iCR VCS token periodically (HealthSettings: every 24 hours by default), and at once when an
 * administrator asks. It wakes hourly and sweeps when one is due (the last sweep's end is kept with the records, so
 * a restart does not make every token due), so a changed period applies without a restart. Never two sweeps at once:
 * a run asked for while one is going is queued, once, by AsyncPeriodicWork and starts when it ends; the flag closes
 * the gap between a timer tick and a click at the same instant.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class TokenSweep extends AsyncPeriodicWork {
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public TokenSweep() {
        super("iCR VCS token sweep");
    }

    @NonNull
    public static TokenSweep get() {
        return ExtensionList.lookupSingleton(TokenSweep.class);
    }

    /**
     * Starts a sweep now, in the background; during a sweep, one more starts when it ends (however often this is
     * called meanwhile), so that what changed since it began is verified too.
     */
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

    /** A tick during a sweep queues one run too; it finds nothing due and ends at once unless someone asked. */
    @Override
    protected boolean queueIfAlreadyRunning() {
        return true;
    }

    /** Not while Jenkins is still starting up and loading its items. */
    @Override
    public long getInitialDelay() {
        return 15 * MIN;
    }

    @Override
    protected void execute(TaskListener listener) throws InterruptedException {
        boolean due = Duration.between(TokenHealthStore.get().lastSweep(), Instant.now())
                        .toHours()
                >= HealthSettings.get().getSweepHours();
        if (!(requested.getAndSet(false) || due) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            Sweeper.sweep(listener);
        } finally {
            running.set(false);
        }
    }
}

package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * An instant as an administrator reads it: how long ago or until (Jenkins' own time spans, "3 hr 12 min"), the date
 * for {@code <i:formatDate>}, and the exact instant for machines. The {@code /lib/icr-vcs/when} tag shows it.
 */
@Restricted(NoExternalUse.class)
public final class When {
    private final Instant instant;
    private final Instant now;

    private When(Instant instant, Instant now) {
        this.instant = instant;
        this.now = now;
    }

    /** Null for an instant nobody told us. */
    @CheckForNull
    public static When of(@CheckForNull Instant instant, @NonNull Instant now) {
        return instant == null ? null : new When(instant, now);
    }

    @NonNull
    public Date getDate() {
        return Date.from(instant);
    }

    /** ISO-8601, for the {@code datetime} attribute. */
    @NonNull
    public String getIso() {
        return instant.toString();
    }

    public boolean isPast() {
        return instant.isBefore(now);
    }

    /** "in 5 days 3 hr", "3 hr 12 min ago". */
    @NonNull
    public String getRelative() {
        long millis = Duration.between(now, instant).toMillis();
        return millis >= 0
                ? Messages.When_Ahead(Util.getTimeSpanString(millis))
                : Messages.When_Ago(Util.getTimeSpanString(-millis));
    }
}

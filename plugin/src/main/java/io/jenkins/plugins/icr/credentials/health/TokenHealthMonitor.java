package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import java.time.Instant;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Tells administrators (Overall/Manage) on every page when a stored token would make iCR fail or soon will:
 * rejected, missing scopes, blocked, expiring within the warning window, or an app password. Each one only to those
 * who may view the credentials of its store ({@link RecordAccess}): Jenkins asks {@link #isActivated()} as the user
 * who sees the page.
 */
@Extension
public final class TokenHealthMonitor extends AdministrativeMonitor {
    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.TokenHealthMonitor_DisplayName();
    }

    @Override
    public boolean isActivated() {
        return !getProblems().isEmpty();
    }

    /** The records that need attention and that the current user may see, each with its reasons, for the banner. */
    @NonNull
    public List<Problem> getProblems() {
        Instant now = Instant.now();
        int warnDays = HealthSettings.get().getWarnDays();
        return TokenHealthStore.get().all().stream()
                .filter(RecordAccess::mayView)
                .map(r -> new Problem(r, String.join("; ", r.reasons(now, warnDays))))
                .filter(p -> !p.reasons().isEmpty())
                .toList();
    }

    @Override
    public void checkRequiredPermission() {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
    }

    @Override
    public boolean hasRequiredPermission() {
        return Jenkins.get().hasPermission(Jenkins.MANAGE);
    }

    /** One token that needs attention, and why. */
    public record Problem(TokenHealthRecord record, String reasons) {}
}

package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.icr.credentials.internal.render.Forms;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.DoNotUse;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.verb.POST;

/**
 * Tells administrators (Overall/Manage) on every page when a stored token would make iCR fail or soon will:
 * rejected, missing scopes, blocked, expiring within the warning window, or an app password. Each one only to those
 * who may view the credentials of its store ({@link RecordAccess}): Jenkins asks {@link #isActivated()} as the user
 * who sees the page.
 */
@Extension
@Restricted(NoExternalUse.class)
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

    /** The records that need attention, that the current user may see and that were not dismissed in their current verdict. */
    @NonNull
    public List<Problem> getProblems() {
        Instant now = Instant.now();
        int warnDays = HealthSettings.get().getWarnDays();
        BannerDismissals dismissals = BannerDismissals.get();
        return TokenHealthStore.get().all().stream()
                .filter(RecordAccess::mayView)
                .filter(r -> !dismissals.isDismissed(r, now))
                .map(r -> new Problem(
                        r, r.reasons(now, warnDays).stream().map(Forms::text).collect(Collectors.joining("; "))))
                .filter(p -> !p.reasons().isEmpty())
                .toList();
    }

    /**
     * The banner's Dismiss button: hides the problems shown until their token's verdict changes. Whoever may see the
     * banner may dismiss it; disabling the monitor for good stays core's Administer-only setting.
     */
    @POST
    @Restricted(DoNotUse.class) // WebOnly
    public HttpResponse doDismiss() {
        checkRequiredPermission();
        BannerDismissals.get()
                .dismiss(
                        getProblems().stream().map(Problem::record).toList(),
                        TokenHealthStore.get().all(),
                        Instant.now());
        return HttpResponses.forwardToPreviousPage();
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
    @Restricted(NoExternalUse.class)
    public record Problem(TokenHealthRecord record, String reasons) {}
}

package io.jenkins.plugins.icr.credentials.internal.render;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.icr.token.Status;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A verdict's status as an administrator reads it, in their language. The constant ({@code MISSING_SCOPES}) is only
 * for machines: JSON, the Pipeline step's result, data attributes.
 */
@Restricted(NoExternalUse.class)
public final class StatusWords {
    private StatusWords() {}

    @NonNull
    public static String of(@NonNull Status status) {
        return switch (status) {
            case VALID -> Messages.StatusWords_Valid();
            case UNVERIFIABLE -> Messages.StatusWords_Unverifiable();
            case INVALID_INPUT -> Messages.StatusWords_InvalidInput();
            case MISSING_SCOPES -> Messages.StatusWords_MissingScopes();
            case REJECTED -> Messages.StatusWords_Rejected();
            case FORBIDDEN -> Messages.StatusWords_Forbidden();
            case RATE_LIMITED -> Messages.StatusWords_RateLimited();
            case UNREACHABLE -> Messages.StatusWords_Unreachable();
        };
    }
}

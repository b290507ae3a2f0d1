package io.jenkins.plugins.icr.credentials.internal.render;

import hudson.Functions;
import hudson.util.FormValidation;
import io.jenkins.plugins.icr.token.FormatCheck;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Verdict;
import io.jenkins.plugins.icr.token.render.VerdictHtml;
import java.time.Clock;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Core's checks and verdicts as Jenkins form responses; the deciding was done in core. */
@Restricted(NoExternalUse.class)
public final class Forms {
    private Forms() {}

    /** A plain-text check; FormValidation escapes it. */
    public static FormValidation validation(FormatCheck check) {
        return switch (check.severity()) {
            case OK -> check.message().isEmpty() ? FormValidation.ok() : FormValidation.ok(check.message());
            case WARNING -> FormValidation.warning(check.message());
            case ERROR -> FormValidation.error(check.message());
        };
    }

    /**
     * A verdict as HTML, in the language of the request and the time zone of this Jenkins; VerdictHtml escapes every
     * value that came from the provider.
     */
    public static FormValidation validation(Verdict verdict) {
        return FormValidation.respond(
                kind(verdict.status().severity()),
                VerdictHtml.render(verdict, Functions.getCurrentLocale(), Clock.systemDefaultZone()));
    }

    /** Core's levels know nothing of Jenkins; this is where they meet the form's. */
    private static FormValidation.Kind kind(Status.Severity severity) {
        return switch (severity) {
            case OK -> FormValidation.Kind.OK;
            case WARNING -> FormValidation.Kind.WARNING;
            case ERROR -> FormValidation.Kind.ERROR;
        };
    }
}

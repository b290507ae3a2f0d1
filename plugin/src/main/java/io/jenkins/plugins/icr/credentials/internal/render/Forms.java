package io.jenkins.plugins.icr.credentials.internal.render;

import hudson.Functions;
import hudson.util.FormValidation;
import io.jenkins.plugins.icr.token.FormatCheck;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.Verdict;
import io.jenkins.plugins.icr.token.render.VerdictHtml;
import java.time.Clock;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Core's checks and verdicts as Jenkins form responses; the deciding was done in core. */
@Restricted(NoExternalUse.class)
public final class Forms {
    private Forms() {}

    /** A plain-text check in the language of the request; FormValidation escapes it. */
    public static FormValidation validation(FormatCheck check) {
        if (!check.hasMessage()) {
            return FormValidation.ok();
        }
        String message = text(check.message());
        return switch (check.severity()) {
            case OK -> FormValidation.ok(message);
            case WARNING -> FormValidation.warning(message);
            case ERROR -> FormValidation.error(message);
        };
    }

    /**
     * A sentence of core in the language of the request being answered; off a request (a build log, a periodic
     * sweep), in this Jenkins' default language.
     */
    public static String text(Text text) {
        return text.render(Functions.getCurrentLocale());
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

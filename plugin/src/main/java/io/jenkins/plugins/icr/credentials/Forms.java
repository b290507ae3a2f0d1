package io.jenkins.plugins.icr.credentials;

import hudson.util.FormValidation;
import io.jenkins.plugins.icr.token.FormatCheck;
import io.jenkins.plugins.icr.token.Verdict;
import io.jenkins.plugins.icr.token.render.VerdictHtml;
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

    /** A verdict as HTML; VerdictHtml escapes every value that came from the provider. */
    public static FormValidation validation(Verdict verdict) {
        return FormValidation.respond(
                FormValidation.Kind.valueOf(verdict.status().severity().name()), VerdictHtml.render(verdict));
    }
}

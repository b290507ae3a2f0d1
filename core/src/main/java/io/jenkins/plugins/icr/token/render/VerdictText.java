package io.jenkins.plugins.icr.token.render;

import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.Fix;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * A verdict as lines for a terminal or a build log. Every value has its control characters escaped: the verifier
 * cleans what providers send as it reads it, and this keeps a verdict from anywhere else (a stored record) from
 * moving the cursor or starting a line of its own. The status constant leads the first line, for scripts that grep.
 */
public final class VerdictText {
    private VerdictText() {}

    /** In English, as the command line prints it. */
    public static String render(Verdict v) {
        return render(v, Locale.ROOT);
    }

    public static String render(Verdict v, Locale locale) {
        StringBuilder out = new StringBuilder();
        out.append(v.status()).append(": ").append(ApiText.printable(v.message().render(locale))).append('\n');
        Lines lines = new Lines(out, locale);
        lines.add("label.provider", v.provider().displayName());
        lines.add("label.kind", v.tokenKind().displayName().render(locale));
        lines.add("label.account", v.account());
        lines.add("label.granted", granted(v).render(locale));
        lines.add("label.required", join(v.required()).render(locale));
        if (!v.missing().isEmpty()) {
            lines.add("label.missing", join(v.missing()).render(locale));
        }
        lines.add("label.expires", v.expiresAt() == null ? null : v.expiresAt().toString());
        lines.add("label.rateLimit", v.rateLimitRemaining() == null ? null : v.rateLimitRemaining().toString());
        String warning = Text.of("label.warning").render(locale);
        v.warnings().forEach(w -> out.append(warning).append(": ").append(ApiText.printable(w.render(locale))).append('\n'));
        if (v.fix().url() != null) {
            lines.add("label.fix", v.fix().url());
        }
        v.fix().steps().forEach(s -> out.append("  - ").append(ApiText.printable(Fix.plain(s.render(locale)))).append('\n'));
        lines.add("label.troubleshooting", Troubleshooting.url(v.status()));
        return out.toString();
    }

    static Text granted(Verdict v) {
        return v.granted() == null ? Text.of("scopes.unreported") : join(v.granted());
    }

    static Text join(List<String> scopes) {
        return scopes.isEmpty() ? Text.of("scopes.none") : Text.verbatim(String.join(", ", scopes));
    }

    /** Labelled lines, the values aligned. */
    private record Lines(StringBuilder out, Locale locale) {
        void add(String label, String value) {
            if (value != null) {
                out.append(String.format("%-16s %s%n", Text.of(label).render(locale) + ":", ApiText.printable(value)));
            }
        }
    }
}

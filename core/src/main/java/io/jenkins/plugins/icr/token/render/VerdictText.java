package io.jenkins.plugins.icr.token.render;

import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.Fix;
import io.jenkins.plugins.icr.token.Verdict;
import java.util.List;

/**
 * A verdict as lines for a terminal or a build log. Every value has its control characters escaped: the verifier
 * cleans what providers send as it reads it, and this keeps a verdict from anywhere else (a stored record) from
 * moving the cursor or starting a line of its own.
 */
public final class VerdictText {
    private VerdictText() {}

    public static String render(Verdict v) {
        StringBuilder out = new StringBuilder();
        out.append(v.status()).append(": ").append(ApiText.printable(v.message())).append('\n');
        line(out, "Provider", v.provider().displayName());
        line(out, "Token kind", v.tokenKind().displayName());
        line(out, "Account", v.account());
        line(out, "Scopes granted", v.granted() == null ? "not reported by the provider" : join(v.granted()));
        line(out, "Scopes required", join(v.required()));
        if (!v.missing().isEmpty()) {
            line(out, "Scopes missing", join(v.missing()));
        }
        line(out, "Expires", v.expiresAt() == null ? null : v.expiresAt().toString());
        line(out, "Rate limit left", v.rateLimitRemaining() == null ? null : v.rateLimitRemaining().toString());
        v.warnings().forEach(w -> out.append("Warning: ").append(ApiText.printable(w)).append('\n'));
        if (v.fix().url() != null) {
            line(out, "Fix", v.fix().url());
        }
        v.fix().steps().forEach(s -> out.append("  - ").append(ApiText.printable(Fix.plain(s))).append('\n'));
        line(out, "Troubleshooting", Troubleshooting.url(v.status()));
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null) {
            out.append(String.format("%-16s %s%n", label + ":", ApiText.printable(value)));
        }
    }

    static String join(List<String> scopes) {
        return scopes.isEmpty() ? "(none)" : String.join(", ", scopes);
    }
}

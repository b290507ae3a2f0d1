package io.jenkins.plugins.icr.token.render;

import io.jenkins.plugins.icr.token.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * A verdict as an HTML fragment for a Jenkins form. Every value is escaped, since logins, scope names and messages
 * come from the provider's answer and a hostile server chooses them; links are only emitted for http(s) URLs.
 */
public final class VerdictHtml {
    private VerdictHtml() {}

    public static String render(Verdict v) {
        StringBuilder html = new StringBuilder("<div class=\"icr-verdict icr-verdict-")
                .append(v.status().name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\">");
        html.append("<p><strong>").append(escape(v.status().name())).append("</strong>: ").append(escape(v.message())).append("</p>");
        html.append("<dl>");
        item(html, "Token kind", v.tokenKind().displayName());
        item(html, "Account", v.account());
        item(html, "Scopes granted", v.granted() == null ? "not reported by the provider" : VerdictText.join(v.granted()));
        item(html, "Scopes required", VerdictText.join(v.required()));
        if (!v.missing().isEmpty()) {
            item(html, "Scopes missing", VerdictText.join(v.missing()));
        }
        item(html, "Expires", v.expiresAt() == null ? null : v.expiresAt().toString());
        html.append("</dl>");
        list(html, "icr-warnings", v.warnings());
        if (isWebLink(v.fix().url())) {
            html.append("<p><a href=\"").append(escape(v.fix().url()))
                    .append("\" target=\"_blank\" rel=\"noopener noreferrer\">How to fix it</a></p>");
        }
        list(html, "icr-fix", v.fix().steps());
        html.append("<p><a href=\"").append(escape(Troubleshooting.url(v.status())))
                .append("\" target=\"_blank\" rel=\"noopener noreferrer\">Troubleshooting</a></p>");
        return html.append("</div>").toString();
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isWebLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    private static void item(StringBuilder html, String label, String value) {
        if (value != null) {
            html.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value)).append("</dd>");
        }
    }

    private static void list(StringBuilder html, String cssClass, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        html.append("<ul class=\"").append(cssClass).append("\">");
        lines.forEach(l -> html.append("<li>").append(escape(l)).append("</li>"));
        html.append("</ul>");
    }
}

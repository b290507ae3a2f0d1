package io.jenkins.plugins.icr.token.render;

import io.jenkins.plugins.icr.token.Attention;
import io.jenkins.plugins.icr.token.Fix;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A verdict as an HTML fragment for a Jenkins form. Every value is escaped, since logins, scope names and messages
 * come from the provider's answer and a hostile server chooses them; links are only emitted for http(s) URLs.
 */
public final class VerdictHtml {
    private VerdictHtml() {}

    /** In English, dates in UTC, relative to now. */
    public static String render(Verdict v) {
        return render(v, Locale.ENGLISH, Clock.systemUTC());
    }

    /**
     * In the reader's language, dates in the clock's zone and relative to its time. The status is named in words;
     * its constant stays in {@code data-status} for scripts and tests.
     */
    public static String render(Verdict v, Locale locale, Clock clock) {
        StringBuilder html = new StringBuilder("<div class=\"icr-verdict icr-verdict-")
                .append(v.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append("\" data-status=\"").append(v.status().name()).append("\">");
        html.append("<p><strong>").append(escape(v.status().words().render(locale))).append("</strong>: ")
                .append(escape(v.message().render(locale))).append("</p>");
        html.append("<dl>");
        item(html, locale, "label.kind", v.tokenKind().displayName().render(locale));
        item(html, locale, "label.account", v.account());
        item(html, locale, "label.granted", VerdictText.granted(v).render(locale));
        item(html, locale, "label.required", VerdictText.join(v.required()).render(locale));
        if (!v.missing().isEmpty()) {
            item(html, locale, "label.missing", VerdictText.join(v.missing()).render(locale));
        }
        if (v.expiresAt() != null) {
            html.append("<dt>").append(escape(Text.of("label.expires").render(locale))).append("</dt><dd>")
                    .append(time(v.expiresAt(), locale, clock)).append("</dd>");
        }
        html.append("</dl>");
        list(html, "icr-warnings", Text.render(v.warnings(), locale));
        fix(html, v.fix(), locale);
        html.append("<p><a href=\"").append(escape(Troubleshooting.url(v.status())))
                .append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
                .append(escape(Text.of("label.troubleshooting").render(locale))).append("</a></p>");
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

    /** The date a person reads and how far away it is; the exact instant on hover and for machines. */
    private static String time(Instant at, Locale locale, Clock clock) {
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(clock.getZone())
                .format(at);
        long days = Attention.daysLeft(at, clock.instant());
        String shown = (days >= 0 ? Text.of("expiry.ahead", date, days) : Text.of("expiry.past", date, -1 - days))
                .render(locale);
        return "<time datetime=\"" + at + "\" title=\"" + at + "\">" + escape(shown) + "</time>";
    }

    /** The steps, the link on the words of the step it belongs to; on the heading when no step names it. */
    private static void fix(StringBuilder html, Fix fix, Locale locale) {
        List<String> steps = Text.render(fix.steps(), locale);
        String link = isWebLink(fix.url())
                ? "<a href=\"" + escape(fix.url()) + "\" target=\"_blank\" rel=\"noopener noreferrer\">"
                : null;
        boolean linkedInStep = link != null && steps.stream().anyMatch(s -> Fix.LINKED_WORDS.matcher(s).find());
        if (link != null || !steps.isEmpty()) {
            String heading = escape(Text.of("fix.heading").render(locale));
            html.append("<p>").append(link == null || linkedInStep ? heading : link + heading + "</a>").append("</p>");
        }
        if (steps.isEmpty()) {
            return;
        }
        html.append("<ul class=\"icr-fix\">");
        for (String step : steps) {
            Matcher linked = Fix.LINKED_WORDS.matcher(step);
            html.append("<li>");
            if (linkedInStep && linked.find()) {
                html.append(escape(step.substring(0, linked.start()))).append(link).append(escape(linked.group(1)))
                        .append("</a>").append(escape(step.substring(linked.end())));
            } else {
                html.append(escape(Fix.plain(step)));
            }
            html.append("</li>");
        }
        html.append("</ul>");
    }

    private static boolean isWebLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    private static void item(StringBuilder html, Locale locale, String label, String value) {
        if (value != null) {
            html.append("<dt>").append(escape(Text.of(label).render(locale))).append("</dt><dd>").append(escape(value)).append("</dd>");
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

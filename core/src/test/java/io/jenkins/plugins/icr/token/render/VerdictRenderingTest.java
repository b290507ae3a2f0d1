package io.jenkins.plugins.icr.token.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.Fix;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.RateLimit;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.TokenKind;
import io.jenkins.plugins.icr.token.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class VerdictRenderingTest {
    private static List<Text> texts(String... verbatim) {
        return Arrays.stream(verbatim).map(Text::verbatim).toList();
    }

    private static Verdict verdict(String account, String fixUrl, String message) {
        return new Verdict(Status.MISSING_SCOPES, Provider.GITHUB, TokenKind.GITHUB_CLASSIC, account, List.of("repo"),
                List.of("repo", "workflow"), List.of("workflow"), Instant.parse("2027-01-01T00:00:00Z"),
                new RateLimit(4999, null), texts("a \"warning\""), Text.verbatim(message), new Fix(fixUrl, texts("step <1>")));
    }

    @Test
    void htmlEscapesEverythingAndLinksOnlyToWebUrls() {
        String html = VerdictHtml.render(verdict("<b>x</b>", "javascript:alert(1)", "it's <i>bad</i> & worse"));

        assertFalse(html.contains("<b>x</b>") || html.contains("<i>bad</i>") || html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;") && html.contains("it&#39;s") && html.contains("&amp; worse"));
        assertTrue(html.contains("step &lt;1&gt;") && html.contains("a &quot;warning&quot;"));
        assertTrue(html.contains("href=\"" + Troubleshooting.PAGE + "#missing_scopes\""), "troubleshooting section");
        assertTrue(VerdictHtml.render(verdict("x", "https://github.com/settings/tokens/new", "m"))
                .contains("href=\"https://github.com/settings/tokens/new\""));
    }

    private static final Clock DEC_2 = Clock.fixed(Instant.parse("2026-12-02T14:46:34Z"), ZoneOffset.UTC);

    private static Verdict expiring(Instant expiresAt, Fix fix) {
        return new Verdict(Status.MISSING_SCOPES, Provider.GITHUB, TokenKind.GITHUB_CLASSIC, "octocat", List.of("repo"),
                List.of("repo", "workflow"), List.of("workflow"), expiresAt, RateLimit.UNKNOWN,
                List.of(Text.of("warning.expiresSoon")), Text.verbatim("lacks workflow"), fix);
    }

    @Test
    void htmlNamesTheStatusInWordsAndKeepsTheConstantForMachines() {
        String html = VerdictHtml.render(expiring(null, Fix.NONE), Locale.ENGLISH, DEC_2);

        assertTrue(html.contains("<strong>Missing scopes</strong>: lacks workflow"), html);
        assertTrue(html.contains("data-status=\"MISSING_SCOPES\""), html);
        assertEquals(1, html.split("MISSING_SCOPES", -1).length - 1, "the constant only in data-status: " + html);
    }

    @Test
    void htmlSaysTheExpiryOnceAsADateWithTheExactInstantOnHover() {
        Instant expiry = Instant.parse("2026-12-07T15:43:41Z");

        String html = VerdictHtml.render(expiring(expiry, Fix.NONE), Locale.ENGLISH, DEC_2);

        assertTrue(html.contains("<dt>Expires</dt><dd><time datetime=\"2026-12-07T15:43:41Z\" title=\"2026-12-07T15:43:41Z\">"
                + "Dec 7, 2026 (in 5 days)</time></dd>"), html);
        assertEquals(1, html.split("Dec 7, 2026", -1).length - 1, html);
        assertTrue(VerdictHtml.render(expiring(Instant.parse("2026-11-29T10:00:00Z"), Fix.NONE), Locale.ENGLISH, DEC_2)
                .contains("Nov 29, 2026 (3 days ago)"));
        assertTrue(VerdictHtml.render(expiring(Instant.parse("2026-12-03T10:00:00Z"), Fix.NONE), Locale.ENGLISH, DEC_2)
                .contains("(in less than a day)"));
    }

    @Test
    void theFixLinkIsPartOfTheSentenceItBelongsTo() {
        String url = "https://github.com/settings/tokens/new?scopes=repo,workflow";
        Fix fix = new Fix(url, texts("Either edit the token and tick workflow, or [create a new one].", "Paste it."));

        String html = VerdictHtml.render(expiring(null, fix), Locale.ENGLISH, DEC_2);

        assertTrue(html.contains("<p>How to fix it</p><ul class=\"icr-fix\"><li>Either edit the token and tick workflow, or"
                + " <a href=\"" + url + "\" target=\"_blank\" rel=\"noopener noreferrer\">create a new one</a>.</li>"
                + "<li>Paste it.</li></ul>"), html);
        String text = VerdictText.render(expiring(null, fix));
        assertTrue(text.contains("  - Either edit the token and tick workflow, or create a new one.\n"), text);
    }

    @Test
    void aFixLinkNoStepNamesIsTheHeading() {
        String url = "https://id.atlassian.com/manage-profile/security/api-tokens";

        String html = VerdictHtml.render(expiring(null, new Fix(url, texts("Step."))), Locale.ENGLISH, DEC_2);

        assertTrue(html.contains("<p><a href=\"" + url + "\" target=\"_blank\" rel=\"noopener noreferrer\">How to fix it"
                + "</a></p><ul class=\"icr-fix\"><li>Step.</li></ul>"), html);
    }

    @Test
    void aTranslatorReachesEveryWordAroundTheVerdict() {
        // Messages_fr.properties is a test-only bundle: it proves the words come from the bundle, per locale.
        String html = VerdictHtml.render(
                expiring(Instant.parse("2026-12-07T15:43:41Z"), new Fix("https://example.com/new", texts("[Créer]."))),
                Locale.FRENCH,
                DEC_2);

        assertTrue(html.contains("<strong>Portées manquantes</strong>"), html);
        assertTrue(html.contains("(dans 5 jours)") && html.contains("<p>Comment corriger</p>"), html);
        assertTrue(VerdictHtml.render(expiring(null, Fix.NONE), Locale.GERMAN, DEC_2).contains("<strong>Missing scopes"),
                "English, not the JVM's locale, where no translation exists");
    }

    @Test
    void textNamesEveryFieldAndTheTroubleshootingSection() {
        String text = VerdictText.render(verdict("octocat", "https://github.com/settings/tokens/new", "lacks workflow"));

        assertTrue(text.startsWith("MISSING_SCOPES: lacks workflow\n"), text);
        for (String expected : List.of("octocat", "Scopes missing:  workflow", "2027-01-01T00:00:00Z", "4999",
                "Warning: a \"warning\"", "https://github.com/settings/tokens/new", "#missing_scopes")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
    }

    @Test
    void jsonKeepsTheContractFieldsAndNulls() {
        String json = VerdictJson.render(Verdict.invalidInput(Provider.GITLAB, TokenKind.UNKNOWN, Text.verbatim("empty")));
        assertEquals("{\"status\":\"INVALID_INPUT\",\"provider\":\"gitlab\",\"tokenType\":\"unknown\",\"account\":null,"
                + "\"grantedScopes\":null,\"requiredScopes\":[],\"missingScopes\":[],\"expiresAt\":null,\"warnings\":[],"
                + "\"message\":\"empty\",\"fixUrl\":null,\"rateLimitRemaining\":null}", json);
    }
}

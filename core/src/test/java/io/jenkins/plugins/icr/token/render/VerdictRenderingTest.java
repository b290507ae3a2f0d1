package io.jenkins.plugins.icr.token.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.Fix;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.RateLimit;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.TokenKind;
import io.jenkins.plugins.icr.token.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRenderingTest {
    private static Verdict verdict(String account, String fixUrl, String message) {
        return new Verdict(Status.MISSING_SCOPES, Provider.GITHUB, TokenKind.GITHUB_CLASSIC, account, List.of("repo"),
                List.of("repo", "workflow"), List.of("workflow"), Instant.parse("2027-01-01T00:00:00Z"),
                new RateLimit(4999, null), List.of("a \"warning\""), message, new Fix(fixUrl, List.of("step <1>")));
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
        String json = VerdictJson.render(Verdict.invalidInput(Provider.GITLAB, TokenKind.UNKNOWN, "empty"));
        assertEquals("{\"status\":\"INVALID_INPUT\",\"provider\":\"gitlab\",\"tokenType\":\"unknown\",\"account\":null,"
                + "\"grantedScopes\":null,\"requiredScopes\":[],\"missingScopes\":[],\"expiresAt\":null,\"warnings\":[],"
                + "\"message\":\"empty\",\"fixUrl\":null,\"rateLimitRemaining\":null}", json);
    }
}

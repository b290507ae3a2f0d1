package io.jenkins.plugins.icr.token;

import java.util.ArrayList;
import java.util.List;

/**
 * The provider pages that create or repair a token, with the required scopes pre-selected where the provider
 * supports it (docs/provider-apis.md §6), and the steps to take there.
 */
final class TokenPages {
    private static final String NAME = "iCR Jenkins";
    private static final String ATLASSIAN_API_TOKENS = "https://id.atlassian.com/manage-profile/security/api-tokens";

    private TokenPages() {}

    /** A fix that gets the admin a token with every required scope. */
    static Fix newToken(Endpoint endpoint, TokenKind kind, List<String> required, List<String> missing) {
        List<String> steps = new ArrayList<>();
        return switch (kind) {
            case GITHUB_CLASSIC, UNKNOWN -> {
                if (endpoint.provider() == Provider.BITBUCKET) {
                    yield apiToken(required);
                }
                if (!missing.isEmpty()) {
                    steps.add("Either edit the existing token under Settings → Developer settings → Personal access tokens"
                            + " (classic) and tick " + String.join(", ", missing) + ", or create a new one as below.");
                }
                steps.add("[Create a new classic token] with " + String.join(", ", required)
                        + " ticked; choose an expiry, generate it, and paste it into the credential.");
                yield new Fix(endpoint.webPage("settings/tokens/new")
                        .addQueryParameter("scopes", String.join(",", required))
                        .addQueryParameter("description", NAME)
                        .build().toString(), steps);
            }
            case GITHUB_FINE_GRAINED -> {
                // GitHub removed the documented prefill of fine-grained tokens (docs/provider-apis.md §6): steps instead.
                steps.add("[Create a fine-grained token]; choose the resource owner and the repositories iCR works on.");
                steps.add("Under Repository permissions give: " + String.join(", ", required) + ".");
                steps.add("Generate the token and paste it into the credential.");
                yield new Fix(endpoint.webPage("settings/personal-access-tokens/new").build().toString(), steps);
            }
            case GITLAB_PAT -> {
                steps.add("[Create a personal access token] with " + String.join(", ", required)
                        + " selected; set an expiry date (GitLab 16.0 and later require one), create it, and paste it"
                        + " into the credential. Existing tokens cannot gain scopes.");
                yield new Fix(endpoint.webPage("-/user_settings/personal_access_tokens")
                        .addQueryParameter("name", NAME)
                        .addQueryParameter("scopes", String.join(",", required))
                        .build().toString(), steps);
            }
            case BITBUCKET_API_TOKEN -> apiToken(required);
            case BITBUCKET_APP_PASSWORD -> apiToken(Requirement.defaultFor(TokenKind.BITBUCKET_API_TOKEN));
            case BITBUCKET_ACCESS_TOKEN -> {
                steps.add("In the repository (or project, or workspace) open Settings → Security → Access tokens and"
                        + " create a token with the scopes " + String.join(", ", required) + ".");
                steps.add("Paste it into the credential and leave the username empty.");
                yield new Fix(null, steps);
            }
            case BITBUCKET_DC_HTTP_TOKEN -> {
                steps.add("[Create an HTTP access token] (Manage account → HTTP access tokens) with Project read and"
                        + " Repository write permissions; paste it into the credential.");
                yield new Fix(endpoint.webPage("plugins/servlet/access-tokens/manage").build().toString(), steps);
            }
        };
    }

    /** App passwords are gone; their successor is an API token with scopes, authenticated with the account email. */
    private static Fix apiToken(List<String> required) {
        return new Fix(ATLASSIAN_API_TOKENS, List.of(
                "[Open your Atlassian API tokens], choose \"Create API token with scopes\" and pick the Bitbucket app.",
                "Select the scopes " + String.join(", ", required) + " (none includes another).",
                "Paste the token into the credential and enter your Atlassian account email as the username."));
    }
}

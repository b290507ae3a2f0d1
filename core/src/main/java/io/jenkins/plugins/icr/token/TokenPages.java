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
        List<Text> steps = new ArrayList<>();
        return switch (kind) {
            case GITHUB_CLASSIC, UNKNOWN -> {
                if (endpoint.provider() == Provider.BITBUCKET) {
                    yield apiToken(required);
                }
                if (!missing.isEmpty()) {
                    steps.add(Text.of("fix.github.classic.edit", String.join(", ", missing)));
                }
                steps.add(Text.of("fix.github.classic.create", String.join(", ", required)));
                yield new Fix(endpoint.webPage("settings/tokens/new")
                        .addQueryParameter("scopes", String.join(",", required))
                        .addQueryParameter("description", NAME)
                        .build().toString(), steps);
            }
            case GITHUB_FINE_GRAINED -> {
                // GitHub removed the documented prefill of fine-grained tokens (docs/provider-apis.md §6): steps instead.
                steps.add(Text.of("fix.github.fineGrained.create"));
                steps.add(Text.of("fix.github.fineGrained.permissions", String.join(", ", required)));
                steps.add(Text.of("fix.github.fineGrained.paste"));
                yield new Fix(endpoint.webPage("settings/personal-access-tokens/new").build().toString(), steps);
            }
            case GITLAB_PAT -> {
                steps.add(Text.of("fix.gitlab.create", String.join(", ", required)));
                yield new Fix(endpoint.webPage("-/user_settings/personal_access_tokens")
                        .addQueryParameter("name", NAME)
                        .addQueryParameter("scopes", String.join(",", required))
                        .build().toString(), steps);
            }
            case BITBUCKET_API_TOKEN -> apiToken(required);
            case BITBUCKET_APP_PASSWORD -> apiToken(Requirement.defaultFor(TokenKind.BITBUCKET_API_TOKEN));
            case BITBUCKET_ACCESS_TOKEN -> {
                steps.add(Text.of("fix.bitbucket.accessToken.create", String.join(", ", required)));
                steps.add(Text.of("fix.bitbucket.accessToken.paste"));
                yield new Fix(null, steps);
            }
            case BITBUCKET_DC_HTTP_TOKEN -> {
                steps.add(Text.of("fix.bitbucketDc.create"));
                yield new Fix(endpoint.webPage("plugins/servlet/access-tokens/manage").build().toString(), steps);
            }
        };
    }

    /** App passwords are gone; their successor is an API token with scopes, authenticated with the account email. */
    private static Fix apiToken(List<String> required) {
        return new Fix(ATLASSIAN_API_TOKENS, List.of(
                Text.of("fix.apiToken.open"),
                Text.of("fix.apiToken.scopes", String.join(", ", required)),
                Text.of("fix.apiToken.paste")));
    }
}

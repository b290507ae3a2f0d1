package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeRulesTest {
    @Test
    void headerIsSplitOnCommasAndSpacesAndUnknownScopesAreKept() {
        assertEquals(List.of("read:discussion", "repo", "user"), ScopeRules.parse("repo, user,read:discussion"));
        assertEquals(List.of(), ScopeRules.parse(""));
        assertEquals(List.of(), ScopeRules.parse(null));
    }

    @Test
    void githubIncludesFollowChainsButNeverUpwards() {
        ScopeRules github = ScopeRules.GITHUB_CLASSIC;
        assertTrue(github.expand(List.of("admin:org")).contains("read:org"), "admin:org -> write:org -> read:org");
        assertEquals(List.of("repo"), github.missing(List.of("repo"), List.of("public_repo", "repo:status")));
        assertEquals(List.of("admin:org"), github.missing(List.of("admin:org"), List.of("read:org", "write:org")));
    }

    @Test
    void atlassianApiTokenScopesIncludeNothing() {
        assertEquals(List.of("read:repository:bitbucket"), ScopeRules.BITBUCKET_API_TOKEN.missing(
                List.of("read:repository:bitbucket"), List.of("write:repository:bitbucket", "admin:repository:bitbucket")));
    }

    @Test
    void bitbucketAdminDoesNotIncludeWrite() {
        assertEquals(List.of("repository:write"), ScopeRules.BITBUCKET_OAUTH.missing(
                List.of("repository:write"), List.of("repository:admin")));
    }

    @Test
    void requirementOverrideIsParsedLeniently() {
        assertEquals(List.of("repo", "workflow"), Requirement.parse(" repo,workflow  repo "));
        assertEquals(List.of(), Requirement.parse("  "));
    }
}

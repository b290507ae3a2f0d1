package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Repository URLs as people paste them, matched against the endpoint a token belongs to. */
class RepositoryUrlTest {
    @ParameterizedTest
    @CsvSource({
        "github, , https://github.com/acme/widgets.git, acme/widgets",
        "github, , https://github.com/acme/widgets/tree/main/src, acme/widgets",
        "github, https://github.example.com, https://github.example.com/acme/widgets, acme/widgets",
        "gitlab, , https://gitlab.com/group/sub/project.git, group/sub/project",
        "gitlab, https://git.example.com/gitlab, https://git.example.com/gitlab/group/project/-/tree/main, group/project",
        "bitbucket, , https://bitbucket.org/acme/widgets.git, acme/widgets",
        "bitbucket-dc, https://bitbucket.example.com, https://bitbucket.example.com/scm/ACME/widgets.git, ACME/widgets",
        "bitbucket-dc, https://bitbucket.example.com, https://bitbucket.example.com/projects/ACME/repos/widgets/browse, ACME/widgets",
    })
    void pathIsFoundBelowTheEndpoint(String provider, String server, String url, String path) throws Exception {
        Endpoint endpoint = Endpoint.fromServer(Provider.fromId(provider).orElseThrow(), server, EndpointPolicy.httpsOnly());
        assertEquals(path, RepositoryUrl.parse(url).pathOn(endpoint));
    }

    @ParameterizedTest
    @CsvSource({
        "github, https://gitlab.com/acme/widgets",
        "gitlab, https://gitlab.com/acme",
        "gitlab, https://gitlab.example.com/acme/widgets",
    })
    void urlOnAnotherServerDoesNotMatch(String provider, String url) throws Exception {
        assertNull(RepositoryUrl.parse(url).pathOn(Endpoint.publicService(Provider.fromId(provider).orElseThrow())));
    }

    @org.junit.jupiter.api.Test
    void credentialServesOnlyRepositoriesOnItsAllowedServer() throws Exception {
        java.util.List<DeclaredServers.Server> declared =
                java.util.List.of(new DeclaredServers.Server(Provider.GITLAB, "https://gitlab.example.com"));
        RepositoryUrl url = RepositoryUrl.parse("https://gitlab.example.com/group/project.git");
        assertEquals("group/project", url.pathFor(Provider.GITLAB, "https://gitlab.example.com", declared));
        assertNull(url.pathFor(Provider.GITLAB, "", declared), "a gitlab.com token does not serve it");
        assertNull(url.pathFor(Provider.GITLAB, "https://gitlab.example.com", java.util.List.of()), "undeclared server");
    }

    @ParameterizedTest
    @ValueSource(strings = {"git@github.com:acme/widgets.git", "not a url", "https://x-access-token:ghp_secretsecret@github.com/acme/w"})
    void unusableUrlsAreRefusedWithoutQuotingThem(String url) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> RepositoryUrl.parse(url));
        assertFalse(refused.getMessage().contains("secretsecret"));
    }

    @ParameterizedTest
    @CsvSource({
        "github, https://github.example.com:8443/acme/widgets",
        "gitlab, https://git.example.com/other/group/project",
        "bitbucket-dc, https://bitbucket.example.com/users/jdoe/repos/widgets",
        "bitbucket-dc, https://bitbucket.example.com/projects/ACME/settings/widgets",
        "bitbucket-dc, https://bitbucket.example.com/scm/ACME",
    })
    void urlNotNamingARepositoryOnTheEndpointDoesNotMatch(String provider, String url) throws Exception {
        String server = provider.equals("gitlab") ? "https://git.example.com/gitlab"
                : provider.equals("github") ? "https://github.example.com" : "https://bitbucket.example.com";
        Endpoint endpoint = Endpoint.fromServer(Provider.fromId(provider).orElseThrow(), server, EndpointPolicy.httpsOnly());
        assertNull(RepositoryUrl.parse(url).pathOn(endpoint));
    }

    @org.junit.jupiter.api.Test
    void urlIsShownAsParsedAndAMissingOneIsRefused() throws Exception {
        assertEquals("https://github.com/acme/widgets", RepositoryUrl.parse(" https://github.com/acme/widgets ").toString());
        assertThrows(InvalidInputException.class, () -> RepositoryUrl.parse(null));
        assertThrows(InvalidInputException.class, () -> RepositoryUrl.parse("https://:secretsecret@github.com/acme/w"));
    }
}

package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API bases derived from web URLs and back. */
class EndpointTest {
    @ParameterizedTest
    @CsvSource({
        "github, , https://api.github.com/, https://github.com/",
        "github, https://github.com/, https://api.github.com/, https://github.com/",
        "github, https://www.github.com, https://api.github.com/, https://github.com/",
        "github, https://api.github.com, https://api.github.com/, https://github.com/",
        "github, https://api.acme.ghe.com, https://api.acme.ghe.com/, https://acme.ghe.com/",
        "github, https://acme.ghe.com, https://api.acme.ghe.com/, https://acme.ghe.com/",
        "github, https://github.example.com, https://github.example.com/api/v3, https://github.example.com/",
        "github, https://example.com/github/, https://example.com/github/api/v3, https://example.com/github",
        "gitlab, , https://gitlab.com/api/v4, https://gitlab.com/",
        "gitlab, https://git.example.com/gitlab, https://git.example.com/gitlab/api/v4, https://git.example.com/gitlab",
        "bitbucket, , https://api.bitbucket.org/2.0, https://bitbucket.org/",
        "bitbucket, https://api.bitbucket.org, https://api.bitbucket.org/2.0, https://bitbucket.org/",
        "gitlab, https://git.example.com/api/v4, https://git.example.com/api/v4, https://git.example.com/api/v4",
        "bitbucket-dc, https://bitbucket.example.com/context, https://bitbucket.example.com/context/rest/api/1.0, https://bitbucket.example.com/context",
    })
    void apiBaseIsDerivedFromTheServer(String provider, String server, String api, String web) throws Exception {
        Endpoint endpoint = Endpoint.fromServer(Provider.fromId(provider).orElseThrow(), server, EndpointPolicy.httpsOnly());
        assertEquals(api, endpoint.api().toString());
        assertEquals(web, endpoint.web().toString());
    }

    @ParameterizedTest
    @CsvSource({
        "github, https://api.github.com, https://github.com/",
        "github, https://api.acme.ghe.com, https://acme.ghe.com/",
        "github, https://github.example.com/api/v3/, https://github.example.com/",
        "gitlab, https://gitlab.example.com/api/v4, https://gitlab.example.com/",
        "bitbucket, https://api.bitbucket.org/2.0, https://bitbucket.org/",
        "bitbucket-dc, https://bitbucket.example.com/rest/api/1.0, https://bitbucket.example.com/",
    })
    void webUrlIsDerivedFromTheApiBase(String provider, String api, String web) throws Exception {
        assertEquals(web, Endpoint.fromApi(Provider.fromId(provider).orElseThrow(), api, EndpointPolicy.httpsOnly()).web().toString());
    }

    @Test
    void bitbucketCloudLivesOnlyAtBitbucketOrg() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> Endpoint.fromServer(Provider.BITBUCKET, "https://bitbucket.example.com", EndpointPolicy.httpsOnly()));
        assertTrue(refused.getMessage().contains("Bitbucket Data Center"));
    }

    @Test
    void publicServiceIsRecognised() throws Exception {
        assertTrue(Endpoint.publicService(Provider.GITLAB).isPublicService());
        assertTrue(!Endpoint.fromServer(Provider.GITLAB, "https://gitlab.example.com", EndpointPolicy.httpsOnly()).isPublicService());
    }

    @Test
    void internationalizedHostNamesAreCheckedInTheirAsciiForm() throws Exception {
        assertEquals("https://xn--bcher-kva.example/api/v4",
                Endpoint.fromServer(Provider.GITLAB, "https://bücher.example", EndpointPolicy.httpsOnly()).api().toString());
        // Fullwidth letters and an ideographic full stop map to the metadata host they imitate.
        InvalidInputException lookAlike = assertThrows(InvalidInputException.class, () -> Endpoint.fromServer(
                Provider.GITLAB, "https://\uff4d\uff45\uff54\uff41\uff44\uff41\uff54\uff41\u3002google.internal",
                EndpointPolicy.httpsOnly()));
        assertTrue(lookAlike.getMessage().contains("metadata.google.internal"), lookAlike.getMessage());
    }

    @Test
    void nonAsciiUrlThatIsNoHttpUrlIsRefusedSayingWhy() {
        for (String url : List.of("ftp://bücher.example", "https://bü cher.example")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> Endpoint.fromServer(Provider.GITLAB, url, EndpointPolicy.httpsOnly()));
            assertTrue(refused.getMessage().contains("internationalized domain name"), refused.getMessage());
            assertFalse(refused.getMessage().contains("no host name"), refused.getMessage());
        }
    }

    @Test
    void endpointsAreMadeOnlyByTheCheckedFactories() {
        assertFalse(Endpoint.class.isRecord());
        assertTrue(Arrays.stream(Endpoint.class.getDeclaredConstructors()).allMatch(c -> Modifier.isPrivate(c.getModifiers())));
    }
}

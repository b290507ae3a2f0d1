package io.jenkins.plugins.icr.token;

import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.provider.Http;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Dns;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the network does to a verification: name resolution, connections, TLS, broken answers. */
class NetworkFaultsTest {
    @RegisterExtension
    final ProviderServer server = new ProviderServer();

    /** A verifier whose name resolution answers as the given DNS would. */
    private static Verifier resolvingWith(Dns dns) {
        Clock clock = Clock.fixed(ProviderServer.NOW, ZoneOffset.UTC);
        return new Verifier(Http.defaultClient().newBuilder().dns(dns).build(), clock, new VerdictCache(Duration.ZERO, clock));
    }

    private static VerificationRequest at(Provider provider, String apiUrl, String token) throws InvalidInputException {
        return VerificationRequest.of(Endpoint.fromApi(provider, apiUrl, EndpointPolicy.allowingHttp()), null, Token.of(token));
    }

    private static Verdict verify(Verifier verifier, VerificationRequest request) {
        Verdict verdict = verifier.verify(request);
        ProviderServer.assertSecretsAbsent(verdict, request.token().reveal(), null);
        return verdict;
    }

    @Test
    void hostResolvingToAMetadataAddressIsRefusedWhenItIsResolved() throws Exception {
        Verifier verifier = resolvingWith(host -> List.of(InetAddress.getByName("169.254.169.254")));

        for (Provider provider : List.of(Provider.GITHUB, Provider.GITLAB)) {
            Verdict verdict = verify(verifier, at(provider, "http://innocent.example:" + server.server().getPort() + "/api",
                    provider == Provider.GITHUB ? TestTokens.githubClassic() : TestTokens.gitlab()));

            assertEquals(Status.UNREACHABLE, verdict.status());
            assertTrue(verdict.message().toString().startsWith("Refused: innocent.example resolves to the link-local or metadata"
                    + " address 169.254.169.254"), verdict.message().toString());
        }
    }

    @Test
    void hostThatDoesNotResolveIsNamed() throws Exception {
        Verifier verifier = resolvingWith(host -> {
            throw new UnknownHostException(host);
        });

        Verdict verdict = verify(verifier, at(Provider.GITHUB, "https://github.nowhere.example/api/v3", TestTokens.githubClassic()));

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("The host name github.nowhere.example cannot be resolved"), verdict.message().toString());
    }

    @Test
    void internationalizedHostNameTravelsInItsAsciiForm() throws Exception {
        server.on("/api/v3/user", json(200, "{\"login\":\"octocat\"}", Headers.of("X-OAuth-Scopes", "repo, workflow, notifications")));
        Verifier verifier = resolvingWith(host -> {
            if (!host.equals("xn--bcher-kva.example")) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getLoopbackAddress());
        });

        Verdict verdict = verify(verifier, at(Provider.GITHUB, "http://bücher.example:" + server.server().getPort() + "/api/v3",
                TestTokens.githubClassic()));

        assertEquals(Status.VALID, verdict.status(), verdict.message().toString());
        RecordedRequest request = server.onlyRequest();
        assertEquals("xn--bcher-kva.example:" + server.server().getPort(), request.getHeaders().get("Host"));
    }

    @Test
    void closedPortIsACannotConnect() throws Exception {
        int port;
        try (MockWebServer closed = new MockWebServer()) {
            closed.start();
            port = closed.getPort();
        }

        Verdict verdict = verify(server.verifier(), at(Provider.GITHUB, "http://127.0.0.1:" + port + "/api/v3",
                TestTokens.githubClassic()));

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("Cannot connect to 127.0.0.1:" + port), verdict.message().toString());
    }

    @Test
    void failedTlsHandshakeNamesTheTrustStore() throws Exception {
        // A server that answers plain http to whatever it receives: a TLS client gets no handshake it recognises.
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (Socket socket = plain.accept()) {
                        socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // Closed at the end of the test.
                    }
                }
            });
            answering.start();

            Verdict verdict = verify(server.verifier(), at(Provider.GITHUB,
                    "https://127.0.0.1:" + plain.getLocalPort() + "/api/v3", TestTokens.githubClassic()));

            assertEquals(Status.UNREACHABLE, verdict.status());
            assertTrue(verdict.message().toString().contains("The TLS handshake with 127.0.0.1 failed"), verdict.message().toString());
            assertTrue(verdict.message().toString().contains("trust store"), verdict.message().toString());
        }
    }

    @Test
    void connectionClosedMidAnswerIsAFailedConnection() throws Exception {
        server.on("/api/v3/user", new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

        Verdict verdict = verify(server.verifier(), at(Provider.GITHUB, server.server().url("/api/v3").toString(),
                TestTokens.githubClassic()));

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().startsWith("The connection to " + server.server().getHostName() + " failed ("),
                verdict.message().toString());
    }

    @Test
    void verificationOutOfTimeAsksNothing() throws Exception {
        Verdict verdict = verify(server.verifier(), at(Provider.GITLAB, server.server().url("/api/v4").toString(),
                TestTokens.gitlab()).withTimeout(Duration.ZERO));

        assertEquals(Status.UNREACHABLE, verdict.status());
        assertTrue(verdict.message().toString().contains("was not asked: the verification ran out of its 0 s"), verdict.message().toString());
        assertEquals(0, server.server().getRequestCount());
    }
}

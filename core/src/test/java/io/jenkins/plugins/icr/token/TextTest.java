package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TextTest {
    private static final Pattern LITERAL = Pattern.compile("\"([a-z]+(?:\\.[A-Za-z]+)*\\.?)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    private static Properties bundle(String suffix) throws IOException {
        Properties keys = new Properties();
        try (InputStream in = Text.class.getResourceAsStream("Messages" + suffix + ".properties")) {
            keys.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return keys;
    }

    /** Every string literal of core's sources that has the shape of a key: {@code "verdict.valid"}, {@code "kind."}. */
    private static Set<String> literalsInCode() throws IOException {
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    literals.add(m.group(1));
                }
            }
        }
        return literals;
    }

    /** "" for the English bundle, "_fr" and so on for each translation, the shipped ones and the test-only one. */
    private static List<String> suffixes() throws IOException {
        List<String> suffixes = new ArrayList<>();
        for (String root : List.of("src/main/resources", "src/test/resources")) {
            Path dir = Path.of(root, "io/jenkins/plugins/icr/token");
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString())
                        .filter(n -> n.matches("Messages(_[A-Za-z_]+)?\\.properties"))
                        .map(n -> n.substring("Messages".length(), n.length() - ".properties".length()))
                        .forEach(suffixes::add);
            }
        }
        return suffixes;
    }

    @Test
    void everyMessageRendersWithoutAStrayQuoteOrBrace() throws IOException {
        List<String> suffixes = suffixes();
        assertTrue(suffixes.contains("") && suffixes.contains("_fr"), suffixes.toString());
        for (String suffix : suffixes) {
            Properties keys = bundle(suffix);
            Locale locale = suffix.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(suffix.substring(1).replace('_', '-'));
            for (String key : keys.stringPropertyNames()) {
                String pattern = keys.getProperty(key);
                Matcher m = ARGUMENT.matcher(pattern);
                int count = 0;
                while (m.find()) {
                    count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
                }
                // MessageFormat drops a lone apostrophe and quotes what follows: each one must be written ''.
                assertFalse(LONE_QUOTE.matcher(pattern).find(), key + suffix + " has a lone apostrophe: " + pattern);
                for (long sample : new long[] {0, 1, 2}) {
                    Object[] samples = new Object[count];
                    Arrays.fill(samples, sample);
                    String rendered = Text.of(key, samples).render(locale);
                    String where = key + suffix + " renders as: " + rendered;
                    assertFalse(rendered.contains("{") || rendered.contains("}"), where);
                    if (!pattern.contains("choice")) {
                        assertEquals(pattern.split("''", -1).length - 1, rendered.split("'", -1).length - 1, where);
                    }
                }
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundleAndEveryKeyIsUsed() throws IOException {
        Set<String> keys = bundle("").stringPropertyNames();
        Set<String> families = keys.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
        Set<String> literals = literalsInCode();
        List<String> prefixes = literals.stream().filter(l -> l.endsWith(".")).toList();
        Set<String> suffixes = new TreeSet<>(literals);
        Arrays.stream(Status.values()).map(Enum::name).forEach(suffixes::add);
        Arrays.stream(TokenKind.values()).map(Enum::name).forEach(suffixes::add);

        List<String> unknown = literals.stream()
                .filter(l -> l.indexOf('.') > 0 && !l.endsWith("."))
                .filter(l -> families.contains(l.substring(0, l.indexOf('.'))))
                .filter(l -> !keys.contains(l))
                .toList();
        assertEquals(List.of(), unknown, "keys named in code but missing from Messages.properties");
        List<String> dead = new ArrayList<>();
        for (String key : keys) {
            boolean named = literals.contains(key)
                    || prefixes.stream().anyMatch(p -> key.startsWith(p) && suffixes.contains(key.substring(p.length())));
            if (!named) {
                dead.add(key);
            }
        }
        assertEquals(List.of(), dead, "keys no code names");
        for (String suffix : suffixes()) {
            Set<String> translated = new TreeSet<>(bundle(suffix).stringPropertyNames());
            translated.removeAll(keys);
            assertEquals(Set.of(), translated, "Messages" + suffix + " translates keys English does not have");
        }
    }

    @Test
    void aMissingTranslationFallsBackToEnglishNotTheMachineLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRENCH);
            assertEquals("Scopes not reported", Text.of("status.UNVERIFIABLE").render(Locale.GERMAN));
            assertEquals("Missing scopes", Text.of("status.MISSING_SCOPES").render(Locale.ROOT));
            assertEquals("Portées manquantes", Status.MISSING_SCOPES.words().render(Locale.CANADA_FRENCH));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void argumentsAreStringsWholeNumbersOrTextsRenderedInTheSameLanguage() {
        Text nested = Text.of("verdict.missing",
                Text.of("verdict.accepted.account", "GitHub", TokenKind.GITHUB_CLASSIC.displayName(), "octocat"), "workflow");

        assertEquals("GitHub accepted the GitHub personal access token (classic) of octocat, but it lacks workflow.",
                nested.toString());
        assertEquals("GitHub a accepté le jeton d'accès personnel GitHub (classique) de octocat, mais il lui manque"
                + " workflow.", nested.render(Locale.FRENCH));
        assertEquals(Text.of("attention.expires", "2026-12-01", 1L), Text.of("attention.expires", "2026-12-01", 1));
        assertThrows(IllegalArgumentException.class, () -> Text.of("label.fix", 1.5));
        assertThrows(IllegalArgumentException.class, () -> Text.of("label.fix", (Object) null));
        assertEquals("as it is {0} ''", Text.verbatim("as it is {0} ''").render(Locale.FRENCH));
    }

    @Test
    void aKeptTextReadsBackAndAnOlderPlainMessageStaysAsItWas() {
        Text text = Text.of("verdict.unverifiable",
                Text.of("verdict.accepted", "GitLab", TokenKind.GITLAB_PAT.displayName()),
                Text.of("unreported.gitlab.old"));
        Text verbatim = Text.verbatim("{\"key\": 1}");

        assertEquals(text, Text.fromJson(text.toJson()));
        assertEquals(text.hashCode(), Text.fromJson(text.toJson()).hashCode());
        assertEquals(Text.of("attention.expires", "2026-12-01", 3), Text.fromJson(Text.of("attention.expires", "2026-12-01", 3).toJson()));
        assertEquals(verbatim, Text.fromJson(verbatim.toJson()));
        for (String older : List.of("GitHub refused the token: it is invalid, expired or revoked.", "[1, 2]", "{\"key\": 1}",
                "{not json", "")) {
            assertEquals(older, Text.fromJson(older).render(Locale.FRENCH), older);
        }
        assertFalse(text.equals(verbatim));
    }
}

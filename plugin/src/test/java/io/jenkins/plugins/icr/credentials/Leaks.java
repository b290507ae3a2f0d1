package io.jenkins.plugins.icr.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds a secret in files on disk: a build's directory, JENKINS_HOME. */
public final class Leaks {
    private Leaks() {}

    /** The files below {@code dir} that contain {@code secret}, relative to it; empty when none does. */
    public static List<String> filesContaining(Path dir, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> contains(file, needle))
                    .map(file -> dir.relativize(file).toString())
                    .toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                    .contains(new String(needle, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            return false; // a temporary file that went away while we walked
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

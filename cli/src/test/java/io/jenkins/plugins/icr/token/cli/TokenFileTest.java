package io.jenkins.plugins.icr.token.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.icr.token.Token;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token file where the file system has no POSIX permissions (Windows, or here a zip file system): there are none
 * to copy, and the file is replaced all the same. The command line cannot name such a file on Linux, whose default
 * file system always has them, so this drives the class directly.
 */
class TokenFileTest {
    @Test
    void aFileSystemWithoutPosixPermissionsStillGetsTheNewToken(@TempDir Path dir) throws Exception {
        try (FileSystem zip = FileSystems.newFileSystem(dir.resolve("tokens.zip"), Map.of("create", "true"))) {
            Path path = zip.getPath("/gitlab-token");
            Files.writeString(path, "glpat-old\n");
            assertNull(Files.getFileAttributeView(path, PosixFileAttributeView.class), "no POSIX permissions here");

            TokenFile file = TokenFile.read(path);
            file.prepare();
            file.replaceWith(Token.of("glpat-new"));

            assertEquals("glpat-new\n", Files.readString(path));
            try (Stream<Path> files = Files.list(zip.getPath("/"))) {
                assertEquals(List.of("/gitlab-token"), files.map(Path::toString).toList(), "no temporary file left");
            }
        }
    }
}

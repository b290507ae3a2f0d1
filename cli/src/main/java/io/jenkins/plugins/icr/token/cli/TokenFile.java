package io.jenkins.plugins.icr.token.cli;

import io.jenkins.plugins.icr.token.Token;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A file that holds a token, replaced atomically: the new token goes to a temporary file beside it, with the same
 * POSIX permissions, and is renamed over it, so that no reader ever sees half a token. The temporary file is made
 * before the old token is given up, so that a full or read-only directory stops the renewal instead of losing its
 * result.
 */
final class TokenFile {
    /** A token is a line; a larger file is not one. */
    static final int MAX_BYTES = 64 * 1024;

    private final Path file;
    private final boolean endsWithNewline;
    private final String content;
    private Path spare;

    private TokenFile(Path file, String content) {
        this.file = file;
        this.content = content;
        this.endsWithNewline = content.endsWith("\n");
    }

    /** Reads the file, following a symbolic link to the file it names (the link itself stays as it is). */
    static TokenFile read(Path path) throws IOException {
        Path real = path.toRealPath();
        if (!Files.isRegularFile(real) || Files.size(real) > MAX_BYTES) {
            throw new IOException("not a regular file of at most 64 KiB");
        }
        return new TokenFile(real, Files.readString(real, StandardCharsets.UTF_8));
    }

    String content() {
        return content;
    }

    /** Makes the temporary file the new token will go to, with the old file's permissions. */
    void prepare() throws IOException {
        spare = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".renewing");
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            Files.setPosixFilePermissions(spare, permissions);
        }
    }

    /** Where the new token waits until it replaces the file; named to the user if the rename fails. */
    Path spare() {
        return spare;
    }

    /** Writes the token to the temporary file, flushes it to disk, and renames it over the file. */
    void replaceWith(Token token) throws IOException {
        byte[] bytes = (token.reveal() + (endsWithNewline ? "\n" : "")).getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(spare, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        try {
            Files.move(spare, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(spare, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the temporary file when nothing was renewed. */
    void discard() {
        try {
            Files.deleteIfExists(spare);
        } catch (IOException e) {
            // An empty file left beside the token holds nothing secret.
        }
    }
}

package io.jenkins.plugins.icr.credentials.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file Jenkins can no longer write, as on a full or failing disk: a directory stands where it was, so the atomic
 * rename that saves it fails. {@link #repair()} puts the last written content back, as the failed write left it.
 */
final class BrokenFile implements AutoCloseable {
    private final Path file;
    private final Path kept;

    private BrokenFile(Path file) {
        this.file = file;
        this.kept = file.resolveSibling(file.getFileName() + ".kept");
    }

    static BrokenFile at(Path file) throws IOException {
        BrokenFile broken = new BrokenFile(file);
        Files.move(file, broken.kept, StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(file.resolve("in-the-way"));
        return broken;
    }

    void repair() throws IOException {
        if (Files.exists(kept)) {
            Files.delete(file.resolve("in-the-way"));
            Files.delete(file);
            Files.move(kept, file);
        }
    }

    @Override
    public void close() throws IOException {
        repair();
    }
}

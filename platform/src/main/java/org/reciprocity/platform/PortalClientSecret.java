package org.reciprocity.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret the portal proves itself with to identity-service ({@code WEB_CLIENT_SECRET}). One per
 * data folder, made at random on the first start and kept beside the data, readable by its owner
 * only: a secret in the code or the README would be the same on every machine that runs this.
 */
final class PortalClientSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PortalClientSecret() {
    }

    /** Where it is kept. */
    static Path file(Path dataDir) {
        return dataDir.resolve("keys").resolve("portal-client-secret");
    }

    /** The data folder's secret, made now if it has none yet. */
    static String in(Path dataDir) {
        Path file = file(dataDir);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the portal's client secret in " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // written to a file that is owner-only from its first byte, then moved into place whole
        Path draft = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(draft);
        Files.createFile(draft, ownerOnly(file.getParent()));
        Files.writeString(draft, secret + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(draft, file);
        } catch (FileAlreadyExistsException made) {
            // another start made it first: keep theirs
            Files.deleteIfExists(draft);
        }
    }

    /** {@code rw-------} where the file system knows POSIX modes (not on Windows, where the folder's rights apply). */
    private static FileAttribute<?>[] ownerOnly(Path folder) {
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}

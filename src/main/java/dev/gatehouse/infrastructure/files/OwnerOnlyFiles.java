package dev.gatehouse.infrastructure.files;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the files that hold secrets in the data folder (the generated key-encryption key, the demo credentials)
 * readable and writable by their owner only: mode 600 on POSIX file systems, set after creation so the umask cannot
 * widen or narrow it; elsewhere (Windows) the owner-only read and write flags of {@link File}, with everyone else's
 * taken away.
 */
public final class OwnerOnlyFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /**
   * Creates {@code path}, owner-only, before anything is written to it.
   *
   * @throws FileAlreadyExistsException when it exists (the caller decides whether to read or replace it)
   */
  public static void create(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    try {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.setPosixFilePermissions(path, OWNER_ONLY);
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(path);
      File file = path.toFile();
      boolean restricted = file.setReadable(false, false) && file.setReadable(true, true)
          && file.setWritable(false, false) && file.setWritable(true, true);
      if (!restricted) {
        Files.delete(path);
        throw new IOException("cannot make " + path + " readable by its owner only");
      }
    }
  }
}

/**
 * Files: the bootstrap file an administrator provides, and files only the server's own user may read (the demo
 * credentials, a generated key-encryption key).
 */
package dev.gatehouse.infrastructure.files;

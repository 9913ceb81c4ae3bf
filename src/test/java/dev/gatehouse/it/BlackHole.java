package dev.gatehouse.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A relying party that is a black hole: it accepts every connection on a loopback port of its own, reads what comes,
 * and never answers. Each connection tells whether the caller still holds it, or has hung up.
 */
public final class BlackHole implements AutoCloseable {

  /** One accepted connection. */
  public static final class Connection {
    private final CountDownLatch hungUp = new CountDownLatch(1);

    /** Whether the caller still holds the connection (it has not closed or reset it). */
    public boolean isOpen() {
      return hungUp.getCount() == 1;
    }
  }

  private final ServerSocket server;
  private final BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  public BlackHole() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "black-hole-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        Connection connection = new Connection();
        Thread reader = new Thread(() -> {
          try {
            socket.getInputStream().transferTo(OutputStream.nullOutputStream()); // until the caller hangs up
          } catch (IOException reset) {
            // a reset is a hang-up too
          } finally {
            connection.hungUp.countDown();
          }
        }, "black-hole-read");
        reader.setDaemon(true);
        reader.start();
        accepted.add(connection);
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** The URI of {@code path} on this black hole. */
  public String uri(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  /** The next connection accepted, waiting up to {@code timeout}; null when none came. */
  public Connection next(Duration timeout) throws InterruptedException {
    return accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}

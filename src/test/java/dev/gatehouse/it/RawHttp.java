package dev.gatehouse.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that {@link java.net.http.HttpClient} refuses to build: a request target
 * that is not a valid URI ({@code %zz}), or bytes exactly as written. One request per connection
 * ({@code Connection: close}); the answer is read to the end of the stream.
 */
public final class RawHttp {
  private RawHttp() {}

  /** A raw answer: status code, headers (names in lower case, every value kept) and the body as UTF-8 text. */
  public record Response(int status, Map<String, List<String>> headers, String body) {
    public List<String> header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
  }

  /**
   * Sends {@code method requestTarget HTTP/1.1} with Host and Connection: close, then the extra header lines (each
   * "Name: value") and the body, if any (a Content-Length is added for it).
   */
  public static Response send(URI base, String method, String requestTarget, List<String> headerLines, byte[] body) {
    StringBuilder head = new StringBuilder()
        .append(method).append(' ').append(requestTarget).append(" HTTP/1.1\r\n")
        .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
        .append("Connection: close\r\n");
    for (String line : headerLines) {
      head.append(line).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (IOException refusedWhileSending) {
        // A server that refuses an oversized request answers and closes before the rest is sent; the write then
        // fails (broken pipe) while the answer is already waiting to be read.
      }
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("raw HTTP exchange failed", e);
    }
  }

  private static Response parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete HTTP response head in: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status = Integer.parseInt(statusLine[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    byte[] bodyBytes = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if (headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
      bodyBytes = unchunk(bodyBytes);
    }
    return new Response(status, headers, new String(bodyBytes, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(chunked);
    while (true) {
      StringBuilder sizeLine = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        if (c != '\r') {
          sizeLine.append((char) c);
        }
      }
      String hex = sizeLine.toString().split(";", 2)[0].trim();
      if (hex.isEmpty()) {
        return out.toByteArray();
      }
      int size = Integer.parseInt(hex, 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(size));
      in.read();
      in.read();
    }
  }
}

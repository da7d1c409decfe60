package dev.umzug.it.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on the loopback interface in front of a test cluster that resets connections on
 * demand: for the next N write requests (POST, PUT, PATCH) it forwards the request, so that it
 * takes effect on the server, and then drops the answer and resets the client's connection (TCP
 * RST), as a load balancer or a restarting API server does. The client cannot know whether its
 * request took effect.
 */
public final class ResettingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  /** Request-line fragment → how many more matching writes to reset. */
  private final java.util.Map<String, AtomicInteger> pendingResets = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger resets = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private ResettingProxy(String upstreamUrl) throws IOException {
    URI uri = URI.create(upstreamUrl);
    upstream = new InetSocketAddress(uri.getHost(), uri.getPort());
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "resetting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy in front of a server at {@code http://host:port/}. */
  public static ResettingProxy to(String upstreamUrl) {
    try {
      return new ResettingProxy(upstreamUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT/}. */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  /**
   * The next {@code n} write requests whose request line contains {@code fragment} (e.g. {@code
   * /configmaps}) reach the server, but their answers are replaced by a reset.
   */
  public ResettingProxy resetNextWrites(int n, String fragment) {
    pendingResets.computeIfAbsent(fragment, f -> new AtomicInteger()).addAndGet(n);
    return this;
  }

  /** Connections reset so far. */
  public int resets() {
    return resets.get();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Socket up = new Socket();
        up.connect(upstream, 5_000);
        open.add(client);
        open.add(up);
        Connection c = new Connection(client, up);
        start(() -> c.pump(client, up, true));
        start(() -> c.pump(up, client, false));
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  /** One proxied connection; {@code doomed} when its current request's answer is to be reset. */
  private final class Connection {
    private final Socket client;
    private final Socket up;
    private volatile boolean doomed;

    Connection(Socket client, Socket up) {
      this.client = client;
      this.up = up;
    }

    void pump(Socket from, Socket to, boolean request) {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (request && startsWrite(buffer, n) && takeReset(requestLine(buffer, n))) {
            doomed = true;
          }
          if (!request && doomed) {
            reset();
            return;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // the other side went away: close both
      } finally {
        closeQuietly(client);
        closeQuietly(up);
      }
    }

    private void reset() {
      try {
        client.setSoLinger(true, 0); // close with RST instead of FIN
      } catch (IOException ignored) {
        // closing is all that is left
      }
      resets.incrementAndGet();
      closeQuietly(client);
      closeQuietly(up);
    }
  }

  private boolean takeReset(String requestLine) {
    for (var e : pendingResets.entrySet()) {
      if (requestLine.contains(e.getKey()) && e.getValue().getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        return true;
      }
    }
    return false;
  }

  private static String requestLine(byte[] b, int n) {
    String head = new String(b, 0, Math.min(n, 512), StandardCharsets.US_ASCII);
    int end = head.indexOf('\r');
    return end < 0 ? head : head.substring(0, end);
  }

  private static boolean startsWrite(byte[] b, int n) {
    String head = new String(b, 0, Math.min(n, 6), StandardCharsets.US_ASCII);
    return head.startsWith("POST ") || head.startsWith("PUT ") || head.startsWith("PATCH ");
  }

  private static void start(Runnable r) {
    Thread t = new Thread(r, "resetting-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(java.io.Closeable s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    open.forEach(ResettingProxy::closeQuietly);
  }
}
